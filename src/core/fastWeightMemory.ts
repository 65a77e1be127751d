import { applyFeatureMap, checkLinearAttentionParams, type FeatureMap, safeReciprocal } from "./fastWeights";
import { type Matrix, matrix } from "./matrix";

/**
 * How each token writes into the fast weight matrix:
 * - "sum": add the outer product `v_t φ(k_t)ᵀ`; memories superpose (linear attention);
 * - "delta": first read what the memory holds for `φ(k_t)`, then write only the correction
 *   `β (v_t − W_{t−1}φ(k_t)) φ(k_t)ᵀ`, so a key written twice is overwritten (Schlag et al. 2021).
 */
export type FastWeightRule = "sum" | "delta";

export interface FastWeightParams {
  /** Queries Q [n, d_k]: token t reads the memory with φ(q_t). */
  q: Matrix;
  /** Keys K [n, d_k]: token t writes at φ(k_t). */
  k: Matrix;
  /** Values V [n, d_v]: what token t writes. */
  v: Matrix;
  featureMap: FeatureMap;
  /** Divide read t by `z_tᵀφ(q_t)` with `z_t = Σ_{i≤t} φ(k_i)`, as normalised linear attention does. */
  normalise: boolean;
  rule: FastWeightRule;
  /** Delta rule's write strength β in [0, 1] (default 1: a key's old value is fully replaced). Ignored by "sum". */
  beta?: number;
}

export interface FastWeightResult {
  /** φ(Q) [n, d_k]. */
  phiQ: Matrix;
  /** φ(K) [n, d_k]. */
  phiK: Matrix;
  /** `W_{t−1}φ(k_t)`, what the memory returned for key t just before token t wrote, [n, d_v]. */
  recalled: Matrix;
  /** The vector token t wrote: `v_t` (sum) or `β (v_t − W_{t−1}φ(k_t))` (delta), [n, d_v]. */
  written: Matrix;
  /** Each token's update `ΔW_t = written_t φ(k_t)ᵀ`, [d_v, d_k] each, t = 0 … n−1. */
  updates: Matrix[];
  /** The fast weights after token t, `W_t = W_{t−1} + ΔW_t` with `W_{−1} = 0`, [d_v, d_k] each. */
  memories: Matrix[];
  /** `z_tᵀφ(q_t)` with `z_t = Σ_{i≤t} φ(k_i)`, [n, 1]: the reads' normalisers. */
  normalisers: Matrix;
  /** The reads `W_t φ(q_t)` (÷ `z_tᵀφ(q_t)` when normalising; a zero normaliser reads 0), [n, d_v]. */
  reads: Matrix;
}

/** Validates everything `fastWeightMemory` takes; returns the shapes and β. */
export function checkFastWeightParams(p: FastWeightParams): {
  n: number;
  dK: number;
  dV: number;
  beta: number;
} {
  const shapes = checkLinearAttentionParams(p);
  if (p.rule !== "sum" && p.rule !== "delta") {
    throw new RangeError(`fast weights: rule must be sum or delta, got ${String(p.rule)}`);
  }
  const beta = p.beta ?? 1;
  if (!Number.isFinite(beta) || beta < 0 || beta > 1) {
    throw new RangeError(`fast weights: β must be a number in [0, 1], got ${beta}`);
  }
  return { ...shapes, beta };
}

/**
 * A fast weight memory run over the sequence, one token at a time (Schlag, Irie & Schmidhuber 2021):
 *
 *   recalled_t = W_{t−1} φ(k_t)
 *   written_t  = v_t                           (sum)
 *              = β (v_t − recalled_t)           (delta)
 *   W_t        = W_{t−1} + written_t φ(k_t)ᵀ,    W_{−1} = 0
 *   read_t     = W_t φ(q_t)                     (÷ z_tᵀφ(q_t), z_t = Σ_{i≤t} φ(k_i), when normalising)
 *
 * Shapes: `Q, K [n, d_k]`, `V [n, d_v]` → `W_t, ΔW_t [d_v, d_k]`, `reads, recalled, written [n, d_v]`.
 * Under "sum", `W_t = Σ_{i≤t} v_i φ(k_i)ᵀ` and `read_t` equals row t of `linearAttention` with the
 * same φ and normalisation; under "delta" no attention matrix reproduces it, because what token t
 * writes depends on what earlier tokens wrote. Throws a RangeError for bad shapes, rule or β.
 */
export function fastWeightMemory(p: FastWeightParams): FastWeightResult {
  const { n, dK, dV, beta } = checkFastWeightParams(p);
  const phiQ = applyFeatureMap(p.q, p.featureMap);
  const phiK = applyFeatureMap(p.k, p.featureMap);
  const recalled = matrix(n, dV);
  const written = matrix(n, dV);
  const reads = matrix(n, dV);
  const normalisers = matrix(n, 1);
  const updates: Matrix[] = [];
  const memories: Matrix[] = [];
  const keySum = new Float64Array(dK);
  let w = matrix(dV, dK);

  for (let t = 0; t < n; t++) {
    const key = phiK.data.subarray(t * dK, (t + 1) * dK);
    const query = phiQ.data.subarray(t * dK, (t + 1) * dK);
    for (let a = 0; a < dV; a++) {
      let r = 0;
      for (let b = 0; b < dK; b++) r += w.data[a * dK + b] * key[b];
      recalled.data[t * dV + a] = r;
      const value = p.v.data[t * dV + a];
      written.data[t * dV + a] = p.rule === "sum" ? value : beta * (value - r);
    }
    const update = matrix(dV, dK);
    const next = matrix(dV, dK, w.data);
    for (let a = 0; a < dV; a++) {
      for (let b = 0; b < dK; b++) {
        update.data[a * dK + b] = written.data[t * dV + a] * key[b];
        next.data[a * dK + b] += update.data[a * dK + b];
      }
    }
    updates.push(update);
    memories.push(next);
    w = next;

    let z = 0;
    for (let b = 0; b < dK; b++) {
      keySum[b] += key[b];
      z += keySum[b] * query[b];
    }
    normalisers.data[t] = z;
    const scale = p.normalise ? safeReciprocal(z) : 1;
    for (let a = 0; a < dV; a++) {
      let r = 0;
      for (let b = 0; b < dK; b++) r += w.data[a * dK + b] * query[b];
      reads.data[t * dV + a] = r * scale;
    }
  }
  return { phiQ, phiK, recalled, written, updates, memories, normalisers, reads };
}
