import { matmulTransposeB } from "./matmul";
import { assertShape, type Matrix, matrix } from "./matrix";

/** One attention score written out as a sum of products of input entries. */
export interface BilinearTerms {
  /** The score's parameter matrix `M = scale · W_Q W_Kᵀ`, `[d_model, d_model]`. Fixed: no input in it. */
  m: Matrix;
  /**
   * `terms[a][b] = x_i[a] · M[a,b] · x_j[b]`, `[d_model, d_model]`: every term multiplies an
   * entry of the input by another entry of the input (degree 2 in the tokens).
   */
  terms: Matrix;
  /** `Σ_{a,b} terms[a][b] = x_i M x_jᵀ`, which is the attention score `s_ij = q_i·k_j · scale`. */
  sum: number;
}

/** One pre-activation of a fixed layer written out as a sum of parameter × input products. */
export interface LinearTerms {
  /** `terms[a] = W[unit, a] · x[a]`, length d_in: one input entry per term (degree 1). */
  terms: number[];
  /** `Σ_a terms[a] = (x Wᵀ)[unit]`, the unit's pre-activation. */
  sum: number;
}

/**
 * The matrix between the two tokens in an attention score: `M = scale · W_Q W_Kᵀ`, so that
 * `s_ij = x_i M x_jᵀ`. Row-vector convention: `q_i = x_i W_Q`, `k_j = x_j W_K`, hence
 * `q_i k_jᵀ = x_i W_Q W_Kᵀ x_jᵀ`: the transpose of W_K appears in the forward pass.
 *
 * Shapes: `W_Q, W_K [d_model, d_k]` → `M [d_model, d_model]`. Throws a RangeError when they disagree.
 */
export function bilinearMatrix(wq: Matrix, wk: Matrix, scale: number): Matrix {
  assertShape(wk, wq.rows, wq.cols, "W_K [d_model, d_k]");
  if (!Number.isFinite(scale)) throw new RangeError(`bilinearMatrix: scale must be finite, got ${scale}`);
  const m = matmulTransposeB(wq, wk);
  for (let k = 0; k < m.data.length; k++) m.data[k] *= scale;
  return m;
}

/**
 * The attention score of query token i and key token j, expanded into its bilinear form:
 *
 *   s_ij = x_i W_Q W_Kᵀ x_jᵀ · scale = Σ_{a,b} x_i[a] · M[a,b] · x_j[b],   M = scale · W_Q W_Kᵀ
 *
 * With `scale = 1/√d_k` the sum equals `attention(...).scores[i][j]`. Each term is a product of
 * two input entries and one parameter, unlike a fixed layer's terms (see {@link linearTerms}).
 *
 * Shapes: `x_i, x_j` of length d_model, `W_Q, W_K [d_model, d_k]` → `m, terms [d_model, d_model]`.
 */
export function bilinearTerms(
  xi: readonly number[],
  xj: readonly number[],
  wq: Matrix,
  wk: Matrix,
  scale: number,
): BilinearTerms {
  const d = wq.rows;
  if (xi.length !== d || xj.length !== d) {
    throw new RangeError(
      `bilinearTerms: x_i, x_j need d_model = ${d} entries, got ${xi.length} and ${xj.length}`,
    );
  }
  const m = bilinearMatrix(wq, wk, scale);
  const terms = matrix(d, d);
  let sum = 0;
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      const term = xi[a] * m.data[a * d + b] * xj[b];
      terms.data[a * d + b] = term;
      sum += term;
    }
  }
  return { m, terms, sum };
}

/**
 * One unit of a fixed layer, expanded the same way: `z_unit = Σ_a W[unit, a] · x[a]`.
 * Every term has one parameter and exactly one input entry, so z is linear (degree 1) in x.
 *
 * Shapes: `x` of length d_in, `W [units, d_in]` (as the MLP's first layer A) → `terms` of length d_in.
 */
export function linearTerms(x: readonly number[], w: Matrix, unit: number): LinearTerms {
  if (x.length !== w.cols) throw new RangeError(`linearTerms: x needs ${w.cols} entries, got ${x.length}`);
  if (!Number.isInteger(unit) || unit < 0 || unit >= w.rows) {
    throw new RangeError(`linearTerms: unit must be an integer in [0, ${w.rows}), got ${unit}`);
  }
  const terms = x.map((value, a) => w.data[unit * w.cols + a] * value);
  return { terms, sum: terms.reduce((total, term) => total + term, 0) };
}
