import { matmul, matmulTransposeB } from "./matmul";
import { assertShape, type Matrix, matrix } from "./matrix";
import { softmaxRows } from "./softmax";

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
}

/** Every intermediate of one attention head, so a figure can show each step. */
export interface AttentionResult {
  /** Queries `Q = X·W_Q`, `[n, d_k]`. */
  q: Matrix;
  /** Keys `K = X·W_K`, `[n, d_k]`. */
  k: Matrix;
  /** Values `V = X·W_V`, `[n, d_v]`. */
  v: Matrix;
  /** Scores `S = QKᵀ/√d_k`, `[n, n]`; masked entries are −Infinity. */
  scores: Matrix;
  /** Weights `A = softmaxRows(S/τ)`, `[n, n]`; masked entries are exactly 0, each row sums to 1. */
  weights: Matrix;
  /** Output `A·V`, `[n, d_v]`: row i is token i's weighted average of the values. */
  out: Matrix;
}

/**
 * Scaled dot-product self-attention, one head:
 *
 *   Q = X·W_Q,  K = X·W_K,  V = X·W_V
 *   S = QKᵀ / √d_k          (S[i][j] = −∞ for j > i when causal)
 *   A = softmaxRows(S / τ)
 *   out = A·V
 *
 * Shapes: `X [n, d_model]`, `W_Q, W_K [d_model, d_k]`, `W_V [d_model, d_v]` →
 * `S, A [n, n]`, `out [n, d_v]`. Unlike a fixed layer, the weight matrix A is computed from X.
 *
 * Throws a RangeError if n < 1, d_model < 1, d_k < 1, the shapes disagree, or τ is not a
 * finite positive number.
 */
export function attention(p: AttentionParams): AttentionResult {
  const { x, wq, wk, wv } = p;
  const n = x.rows;
  const dModel = x.cols;
  const dK = wq.cols;
  const temperature = p.temperature ?? 1;
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

  const q = matmul(x, wq);
  const k = matmul(x, wk);
  const v = matmul(x, wv);

  const scores = matmulTransposeB(q, k);
  const scale = 1 / Math.sqrt(dK);
  for (let i = 0; i < scores.data.length; i++) scores.data[i] *= scale;
  if (p.causal) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) scores.data[i * n + j] = Number.NEGATIVE_INFINITY;
    }
  }

  // Temperature divides the scores before the softmax; S itself is reported unscaled by τ.
  let logits = scores;
  if (temperature !== 1) {
    logits = matrix(n, n, scores.data);
    for (let i = 0; i < logits.data.length; i++) logits.data[i] /= temperature;
  }
  const weights = softmaxRows(logits);
  const out = matmul(weights, v);
  return { q, k, v, scores, weights, out };
}
