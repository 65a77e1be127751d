import { matmul, matmulTransposeB } from "./matmul";
import { type Matrix, matrix } from "./matrix";

/** φ applied to keys and queries: identity, or elu(x) + 1 (Katharopoulos et al. 2020). */
export type FeatureMap = "identity" | "elu1";

export const featureMaps: readonly FeatureMap[] = ["identity", "elu1"];

export interface LinearAttentionParams {
  /** Queries Q [n, d_k]. */
  q: Matrix;
  /** Keys K [n, d_k]. */
  k: Matrix;
  /** Values V [n, d_v]. */
  v: Matrix;
  featureMap: FeatureMap;
  /** Divide output t by Σ_{i≤t} φ(k_i)ᵀφ(q_t). */
  normalise: boolean;
}

export interface LinearAttentionResult {
  /** φ(Q) [n, d_k], the feature-mapped queries. */
  phiQ: Matrix;
  /** φ(K) [n, d_k], the feature-mapped keys. */
  phiK: Matrix;
  /** Causal scores `S[t][i] = φ(q_t)ᵀφ(k_i)` for i ≤ t, and exactly 0 above the diagonal, [n, n]. */
  scores: Matrix;
  /** The normalisers `z_t = Σ_{i≤t} S[t][i]`, [n, 1] (the row sums of the causal scores). */
  normalisers: Matrix;
  /** The weights applied to V: `S` divided row by row by `z_t` when normalising, else `S` itself, [n, n]. */
  weights: Matrix;
  /** Causal linear attention output `weights · V`, [n, d_v]. */
  out: Matrix;
}

/**
 * φ applied entry by entry: `identity(x) = x`; `elu1(x) = elu(x) + 1`, which is `x + 1` for
 * x > 0 and `exp(x)` otherwise, so every feature is positive. Shape kept.
 */
export function applyFeatureMap(m: Matrix, featureMap: FeatureMap): Matrix {
  const out = matrix(m.rows, m.cols, m.data);
  if (featureMap === "elu1") {
    for (let i = 0; i < out.data.length; i++) {
      const x = out.data[i];
      out.data[i] = x > 0 ? x + 1 : Math.exp(x);
    }
  }
  return out;
}

/**
 * A normaliser of exactly 0 (φ(q_t) = 0, or φ(q_t) orthogonal to every key so far) has no
 * meaningful quotient; the output row is then 0 rather than NaN, in core and in the engine alike.
 */
export function safeReciprocal(z: number): number {
  return z === 0 ? 0 : 1 / z;
}

/** Validates shapes and options (shared with the tfjs engine, so both reject the same inputs). */
export function checkLinearAttentionParams(p: LinearAttentionParams): { n: number; dK: number; dV: number } {
  const { q, k, v } = p;
  const n = q.rows;
  const dK = q.cols;
  if (n < 1) throw new RangeError("linear attention: need at least one token (n ≥ 1)");
  if (dK < 1) throw new RangeError("linear attention: d_k must be ≥ 1");
  if (k.rows !== n || k.cols !== dK) {
    throw new RangeError(`linear attention: K [n, d_k]: expected [${n}, ${dK}], got [${k.rows}, ${k.cols}]`);
  }
  if (v.rows !== n || v.cols < 1) {
    throw new RangeError(
      `linear attention: V [n, d_v]: expected ${n} rows and d_v ≥ 1, got [${v.rows}, ${v.cols}]`,
    );
  }
  if (!featureMaps.includes(p.featureMap)) {
    throw new RangeError(
      `linear attention: feature map must be identity or elu1, got ${String(p.featureMap)}`,
    );
  }
  return { n, dK, dV: v.cols };
}

/**
 * Causal linear attention: softmax replaced by a feature map φ and a plain dot product.
 *
 *   S[t][i] = φ(q_t)ᵀφ(k_i)  for i ≤ t, 0 for i > t
 *   z_t     = Σ_{i≤t} S[t][i]
 *   out_t   = Σ_{i≤t} S[t][i] v_i          (÷ z_t when normalise; a zero z_t gives a zero row)
 *
 * Shapes: `Q, K [n, d_k]`, `V [n, d_v]` → `S, weights [n, n]`, `z [n, 1]`, `out [n, d_v]`.
 * Because nothing non-linear sits between the scores and V, `out_t` regroups as
 * `(Σ_{i≤t} v_i φ(k_i)ᵀ) φ(q_t)`: a matrix written by outer products and read by the query
 * (see `fastWeightMemory`). Throws a RangeError for bad shapes or an unknown feature map.
 */
export function linearAttention(p: LinearAttentionParams): LinearAttentionResult {
  const { n } = checkLinearAttentionParams(p);
  const phiQ = applyFeatureMap(p.q, p.featureMap);
  const phiK = applyFeatureMap(p.k, p.featureMap);
  const scores = matmulTransposeB(phiQ, phiK);
  const normalisers = matrix(n, 1);
  const weights = matrix(n, n);
  for (let t = 0; t < n; t++) {
    let z = 0;
    for (let i = 0; i < n; i++) {
      if (i > t) scores.data[t * n + i] = 0;
      z += scores.data[t * n + i];
    }
    normalisers.data[t] = z;
    const scale = p.normalise ? safeReciprocal(z) : 1;
    for (let i = 0; i <= t; i++) weights.data[t * n + i] = scores.data[t * n + i] * scale;
  }
  return { phiQ, phiK, scores, normalisers, weights, out: matmul(weights, p.v) };
}
