import { matmul, matmulTransposeB, transpose } from "./matmul";
import { assertShape, identity, type Matrix, matrix } from "./matrix";
import { checkRegressionContext, type RegressionContext } from "./regression";

/*
 * Linear self-attention (LSA) on in-context regression tokens, and von Oswald et al.'s (2023)
 * construction that makes one such layer perform one step of gradient descent.
 *
 * Tokens are rows (as in attention.ts): the context example (x_i, y_i) is the row e_i [1, D] with
 * D = d + d_y, and a query is (x_q, 0). A layer maps every token e_j to
 *
 *   e_j ← e_j + Σ_{i ≤ N} (q_j · k_i) v_i · P,   q = e·W_Q, k = e·W_K, v = e·W_V,
 *
 * with keys and values from the N context tokens only, so the queries never see each other. It
 * is attention without the softmax: the raw scores q_j·k_i weight the values. The paper writes
 * column vectors, e_j ← e_j + P Σ_i (W_V e_i)(W_K e_i)ᵀ(W_Q e_j); each of our matrices is the
 * transpose of its counterpart there, and the constructed ones are symmetric, so they coincide.
 */

/** One linear self-attention layer's parameters, all [(d + d_y), (d + d_y)]. */
export interface LsaLayer {
  /** Key projection: k_i = e_i·W_K. */
  wk: Matrix;
  /** Query projection: q_j = e_j·W_Q. */
  wq: Matrix;
  /** Value projection: v_i = e_i·W_V. */
  wv: Matrix;
  /** Output projection P, applied to the summed values. */
  projection: Matrix;
}

export interface LsaParams {
  context: RegressionContext;
  /** Query inputs x_q [M, d]; each enters as the token (x_q, 0). */
  queries: Matrix;
  /** Applied in order; at least one. */
  layers: readonly LsaLayer[];
}

export interface LsaResult {
  /**
   * Predictions after each layer, [M, d_y] each: minus the queries' y-slots, the paper's readout
   * (the construction writes −x_q·W into the empty slot).
   */
  predictions: Matrix[];
  /**
   * Each layer's fast weight matrix `F = W_Q·Kᵀ·V·P [D, D]` (K, V the context's keys and values):
   * the layer maps every token e to e·(I + F). F is computed from the context; the parameters
   * are fixed.
   */
  fastWeights: Matrix[];
  /** All tokens after the last layer, context rows first: [N + M, D]. */
  tokens: Matrix;
}

/** The token matrix E [N + M, D]: rows (x_i, y_i) for the context, then (x_q, 0) for each query. */
export function lsaTokens(context: RegressionContext, queries: Matrix): Matrix {
  const { n, d, dY } = checkRegressionContext(context);
  assertShape(queries, queries.rows, d, "queries X_q [M, d]");
  const width = d + dY;
  const tokens = matrix(n + queries.rows, width);
  for (let i = 0; i < n; i++) {
    tokens.data.set(context.xs.data.subarray(i * d, (i + 1) * d), i * width);
    tokens.data.set(context.ys.data.subarray(i * dY, (i + 1) * dY), i * width + d);
  }
  for (let m = 0; m < queries.rows; m++) {
    tokens.data.set(queries.data.subarray(m * d, (m + 1) * d), (n + m) * width);
  }
  return tokens;
}

/** Validates `p` (shared with the tfjs engine, so both reject the same inputs with the same words). */
export function checkLsaParams(p: LsaParams): { n: number; m: number; d: number; dY: number } {
  const { n, d, dY } = checkRegressionContext(p.context);
  assertShape(p.queries, p.queries.rows, d, "queries X_q [M, d]");
  if (!p.queries.data.every(Number.isFinite)) throw new RangeError("lsa: every query x_q must be finite");
  if (p.layers.length < 1) throw new RangeError("lsa: need at least one layer");
  const width = d + dY;
  p.layers.forEach((layer, l) => {
    for (const [name, m] of [
      ["W_K", layer.wk],
      ["W_Q", layer.wq],
      ["W_V", layer.wv],
      ["P", layer.projection],
    ] as const) {
      assertShape(m, width, width, `layer ${l + 1} ${name} [d + d_y, d + d_y]`);
    }
  });
  return { n, m: p.queries.rows, d, dY };
}

/** The first `rows` rows of `m`. */
const topRows = (m: Matrix, rows: number) => matrix(rows, m.cols, m.data.subarray(0, rows * m.cols));

/**
 * Stacked linear self-attention layers on the context tokens and the query tokens, with every
 * intermediate a figure needs. Per layer, with C the first N rows of E [N + M, D]:
 * `Q = E·W_Q [N+M, D]`, `K = C·W_K [N, D]`, `V = C·W_V [N, D]`, scores `S = Q·Kᵀ [N+M, N]`,
 * `E ← E + S·V·P`, and the fast weights `F = W_Q·Kᵀ·V·P [D, D]` (so that S·V·P = E·F).
 */
export function lsaForward(p: LsaParams): LsaResult {
  const { n, d } = checkLsaParams(p);
  let tokens = lsaTokens(p.context, p.queries);
  const predictions: Matrix[] = [];
  const fastWeights: Matrix[] = [];
  for (const layer of p.layers) {
    const context = topRows(tokens, n);
    const keys = matmul(context, layer.wk);
    const values = matmul(context, layer.wv);
    const scores = matmulTransposeB(matmul(tokens, layer.wq), keys);
    const update = matmul(matmul(scores, values), layer.projection);
    const next = matrix(tokens.rows, tokens.cols);
    for (let e = 0; e < next.data.length; e++) next.data[e] = tokens.data[e] + update.data[e];
    tokens = next;
    fastWeights.push(matmul(matmul(layer.wq, matmul(transpose(keys), values)), layer.projection));
    predictions.push(queryReadout(tokens, n, d));
  }
  return { predictions, fastWeights, tokens };
}

/** Minus the y-slots of the query rows (rows N.. of E): the layer's predictions, [M, d_y]. */
function queryReadout(tokens: Matrix, n: number, d: number): Matrix {
  const dY = tokens.cols - d;
  const out = matrix(tokens.rows - n, dY);
  for (let m = 0; m < out.rows; m++) {
    for (let b = 0; b < dY; b++) out.data[m * dY + b] = -tokens.data[(n + m) * tokens.cols + d + b];
  }
  return out;
}

/**
 * The construction of von Oswald et al. (2023, Proposition 1) with W_0 = 0, for N context
 * examples, inputs of size d, targets of size d_y and learning rate η:
 * `W_K = W_Q = [[I_d, 0], [0, 0]]`, `W_V = [[0, 0], [0, −I_{d_y}]]`, `P = (η/N)·I_{d+d_y}`.
 *
 * Then `F = (η/N)·[[0, −XᵀY], [0, 0]]`, so every token's y-slot becomes `y_j − x_j·W_1` with
 * `W_1 = (η/N)·XᵀY`, one gradient step from 0: the query's slot reads `−x_q·W_1`. Stacking K of
 * these layers gives K steps, because the context tokens then carry the residuals `y_i − x_i·W_k`.
 */
export function constructGdLayer(d: number, dY: number, eta: number, n: number): LsaLayer {
  for (const [name, value] of [
    ["d", d],
    ["d_y", dY],
    ["N", n],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`constructGdLayer: ${name} must be a whole number ≥ 1, got ${value}`);
  }
  if (!Number.isFinite(eta)) throw new RangeError(`constructGdLayer: η must be finite, got ${eta}`);
  const width = d + dY;
  const xBlock = matrix(width, width);
  const valueBlock = matrix(width, width);
  for (let a = 0; a < d; a++) xBlock.data[a * width + a] = 1;
  for (let b = d; b < width; b++) valueBlock.data[b * width + b] = -1;
  const projection = identity(width);
  for (let e = 0; e < projection.data.length; e++) projection.data[e] *= eta / n;
  return { wk: xBlock, wq: matrix(width, width, xBlock.data), wv: valueBlock, projection };
}

/**
 * The weights the whole stack applies to a query, `W_eff [d, d_y]`. A query token (x_q, 0)
 * leaves the stack as `(x_q, 0)·(I + F_1)·…·(I + F_L)`: every F_l comes from the context alone
 * (queries are never keys), so the map is linear in x_q and the readout is `x_q·W_eff` with
 * `W_eff = −[(I + F_1)·…·(I + F_L)]_{x rows, y columns}`.
 *
 * For the constructed layers each F_l is `[[0, −ΔW_l], [0, 0]]` with ΔW_l the l-th gradient step,
 * so W_eff is W_L of gradient descent; with one layer `W_eff = (η/N)·XᵀY`. It changes with the
 * context; the parameters W_K, W_Q, W_V, P do not.
 */
export function effectiveWeights(fastWeights: readonly Matrix[], d: number): Matrix {
  if (fastWeights.length < 1) throw new RangeError("effectiveWeights: need at least one layer");
  const width = fastWeights[0].rows;
  if (!Number.isInteger(d) || d < 1 || d >= width) {
    throw new RangeError(`effectiveWeights: need 1 ≤ d < ${width}, got ${d}`);
  }
  let through = identity(width);
  for (const f of fastWeights) {
    assertShape(f, width, width, "fast weights F [D, D]");
    const step = identity(width);
    for (let e = 0; e < step.data.length; e++) step.data[e] += f.data[e];
    through = matmul(through, step);
  }
  const dY = width - d;
  const w = matrix(d, dY);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < dY; b++) w.data[a * dY + b] = -through.data[a * width + d + b];
  }
  return w;
}
