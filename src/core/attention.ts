import { matmul, matmulTransposeB } from "./matmul";
import { assertShape, type Matrix, matrix } from "./matrix";
import { softmaxAll, softmaxColumns, softmaxRows } from "./softmax";

/**
 * Which entries of the scores one softmax normalises together:
 * - "rows" (attention's choice): each query's weights over the keys sum to 1, so every output is
 *   a convex combination of the values;
 * - "columns": each key's weights over the queries sum to 1 instead; rows no longer do;
 * - "all": the whole matrix sums to 1; neither rows nor columns do.
 */
export type Normalisation = "rows" | "columns" | "all";

/** Inputs to one head of scaled dot-product self-attention. Tokens are the rows of `x`. */
export interface AttentionParams {
  /** Token embeddings, one row per token: `X [n, d_model]`, n ≥ 1. */
  x: Matrix;
  /** Query projection `W_Q [d_model, d_k]`: `Q = X·W_Q`. */
  wq: Matrix;
  /** Key projection `W_K [d_model, d_k]`: `K = X·W_K`. */
  wk: Matrix;
  /** Value projection `W_V [d_model, d_v]`: `V = X·W_V`. */
  wv: Matrix;
  /** If true, token i may not attend to any later token j > i (its score is −Infinity). */
  causal?: boolean;
  /** Softmax temperature τ > 0, default 1: small τ sharpens the weights, large τ flattens them. */
  temperature?: number;
  /** Default "rows". See `Normalisation`. */
  normalisation?: Normalisation;
  /**
   * Length n when given: `maskedKeys[j]` hides token j as a key from every query, so column j
   * of the scores is −Infinity and of the weights exactly 0. A row left with no key at all gets
   * all-zero weights (and a zero output), never NaN.
   */
  maskedKeys?: readonly boolean[];
  /** Default true: divide the scores by √d_k. False shows what that scale does. */
  scale?: boolean;
}

/** Every intermediate of one attention head, so a figure can show each step. */
export interface AttentionResult {
  /** Queries `Q = X·W_Q`, `[n, d_k]`. */
  q: Matrix;
  /** Keys `K = X·W_K`, `[n, d_k]`. */
  k: Matrix;
  /** Values `V = X·W_V`, `[n, d_v]`. */
  v: Matrix;
  /** Scores `S = QKᵀ/√d_k` (or `QKᵀ` unscaled), `[n, n]`; masked entries are −Infinity. */
  scores: Matrix;
  /** Weights `A = softmax(S/τ)` over rows (default), columns or all, `[n, n]`; masked entries are exactly 0. */
  weights: Matrix;
  /** Output `A·V`, `[n, d_v]`: in row mode, row i is token i's weighted average of the values. */
  out: Matrix;
}

const SOFTMAX: Record<Normalisation, (logits: Matrix) => Matrix> = {
  rows: softmaxRows,
  columns: softmaxColumns,
  all: softmaxAll,
};

/** Validates `p` (shared with the tfjs engine, so both reject the same inputs with the same words). */
export function checkAttentionParams(p: AttentionParams): {
  n: number;
  dK: number;
  dV: number;
  temperature: number;
  normalisation: Normalisation;
} {
  const { x, wq, wk, wv } = p;
  const n = x.rows;
  const dModel = x.cols;
  const dK = wq.cols;
  const temperature = p.temperature ?? 1;
  const normalisation = p.normalisation ?? "rows";
  if (n < 1) throw new RangeError("attention: need at least one token (n ≥ 1)");
  if (dModel < 1) throw new RangeError("attention: d_model must be ≥ 1");
  if (dK < 1) throw new RangeError("attention: d_k must be ≥ 1");
  assertShape(wq, dModel, dK, "W_Q [d_model, d_k]");
  assertShape(wk, dModel, dK, "W_K [d_model, d_k]");
  if (wv.rows !== dModel) {
    throw new RangeError(`attention: W_V [d_model, d_v]: expected ${dModel} rows, got ${wv.rows}`);
  }
  if (!Number.isFinite(temperature) || temperature <= 0) {
    throw new RangeError(`attention: temperature must be finite and > 0, got ${temperature}`);
  }
  if (!(normalisation in SOFTMAX)) {
    throw new RangeError(
      `attention: normalisation must be rows, columns or all, got ${String(normalisation)}`,
    );
  }
  if (p.maskedKeys && p.maskedKeys.length !== n) {
    throw new RangeError(
      `attention: maskedKeys: expected ${n} entries (one per token), got ${p.maskedKeys.length}`,
    );
  }
  return { n, dK, dV: wv.cols, temperature, normalisation };
}

/** True where query i may not see key j: above the diagonal when causal, or a masked key's column. */
export function isMasked(p: Pick<AttentionParams, "causal" | "maskedKeys">, i: number, j: number): boolean {
  return (p.causal === true && j > i) || p.maskedKeys?.[j] === true;
}

/**
 * Scaled dot-product self-attention, one head:
 *
 *   Q = X·W_Q,  K = X·W_K,  V = X·W_V
 *   S = QKᵀ / √d_k          (QKᵀ when scale is false; S[i][j] = −∞ for j > i when causal,
 *                            and for every i when key j is masked)
 *   A = softmaxRows(S / τ)  (or softmaxColumns, softmaxAll)
 *   out = A·V
 *
 * Shapes: `X [n, d_model]`, `W_Q, W_K [d_model, d_k]`, `W_V [d_model, d_v]` →
 * `S, A [n, n]`, `out [n, d_v]`. Unlike a fixed layer, the weight matrix A is computed from X.
 *
 * Throws a RangeError if n < 1, d_model < 1, d_k < 1, the shapes disagree, τ is not a finite
 * positive number, the normalisation is unknown, or maskedKeys does not have n entries.
 */
export function attention(p: AttentionParams): AttentionResult {
  const { n, dK, temperature, normalisation } = checkAttentionParams(p);
  const q = matmul(p.x, p.wq);
  const k = matmul(p.x, p.wk);
  const v = matmul(p.x, p.wv);

  const scores = matmulTransposeB(q, k);
  if (p.scale !== false) {
    const scale = 1 / Math.sqrt(dK);
    for (let i = 0; i < scores.data.length; i++) scores.data[i] *= scale;
  }
  if (p.causal || p.maskedKeys?.includes(true)) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (isMasked(p, i, j)) scores.data[i * n + j] = Number.NEGATIVE_INFINITY;
    }
  }

  // Temperature divides the scores before the softmax; S itself is reported unscaled by τ.
  let logits = scores;
  if (temperature !== 1) {
    logits = matrix(n, n, scores.data);
    for (let i = 0; i < logits.data.length; i++) logits.data[i] /= temperature;
  }
  const weights = SOFTMAX[normalisation](logits);
  const out = matmul(weights, v);
  return { q, k, v, scores, weights, out };
}
