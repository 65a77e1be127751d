import { type FastWeightRule, fastWeightMemory } from "./fastWeightMemory";
import { type Matrix, matrix } from "./matrix";
import { createRng, type Rng } from "./rng";

/**
 * How the capacity experiment draws its keys:
 * - "orthogonal": the first d keys are a random orthonormal basis (the best case: no two keys
 *   overlap); keys beyond d cannot all be orthogonal in d dimensions and are random unit vectors;
 * - "random": every key is an independent random unit vector, so keys overlap a little from the start.
 */
export type KeyKind = "orthogonal" | "random";

/** Keys and values for the capacity experiment: row i is the i-th association to store. */
export interface CapacitySample {
  /** Unit keys `[count, d]`. */
  keys: Matrix;
  /** Unit values `[count, d]`. */
  values: Matrix;
}

function randomUnit(rng: Rng, d: number, against: readonly Float64Array[]): Float64Array {
  for (;;) {
    const x = Float64Array.from({ length: d }, () => rng.normal());
    // Gram–Schmidt: remove the parts along the earlier (orthonormal) rows.
    for (const e of against) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += x[j] * e[j];
      for (let j = 0; j < d; j++) x[j] -= dot * e[j];
    }
    const norm = Math.hypot(...x);
    // A draw (almost) inside the span of the earlier rows is redrawn; it happens with probability ~0.
    if (norm > 1e-9) return x.map((value) => value / norm);
  }
}

/**
 * `count` seeded associations in d dimensions: unit keys (see `KeyKind`) and independent random
 * unit values. The same (seed, d, count, kind) always gives the same sample, and the first N rows
 * do not depend on `count`, so curves over N store growing prefixes of one sample.
 */
export function sampleCapacityMemories(
  seed: number,
  d: number,
  count: number,
  kind: KeyKind,
): CapacitySample {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`capacity: d must be a whole number ≥ 1, got ${d}`);
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`capacity: count must be a whole number ≥ 0, got ${count}`);
  }
  const keyRng = createRng(seed);
  const valueRng = createRng((seed >>> 0) ^ 0x9e3779b9);
  const keys = matrix(count, d);
  const values = matrix(count, d);
  const basis: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const orthogonal = kind === "orthogonal" && i < d;
    const key = randomUnit(keyRng, d, orthogonal ? basis : []);
    if (orthogonal) basis.push(key);
    keys.data.set(key, i * d);
    values.data.set(randomUnit(valueRng, d, []), i * d);
  }
  return { keys, values };
}

export interface CapacityParams {
  /** Keys `[N_max, d_k]`, stored in order as they are (φ = identity, no normalisation). */
  keys: Matrix;
  /** Values `[N_max, d_v]`. */
  values: Matrix;
  rule: FastWeightRule;
  /** Delta rule's β in [0, 1]; default 1. */
  beta?: number;
}

/**
 * Retrieval error of a fast weight memory as it fills up. For each N = 1 … N_max, the first N
 * pairs are written in order (`W_N` from `fastWeightMemory`), every stored key is read back, and
 *
 *   error(N) = (1/N) Σ_{i≤N} ‖W_N k_i − v_i‖
 *
 * is returned at index N − 1. With unit values, 0 is perfect recall and 1 is what a memory
 * that returns nothing scores. Throws a RangeError for mismatched shapes, a bad rule or β.
 */
export function capacityErrors(p: CapacityParams): number[] {
  const count = p.keys.rows;
  if (count === 0) return [];
  const { memories } = fastWeightMemory({
    q: p.keys,
    k: p.keys,
    v: p.values,
    featureMap: "identity",
    normalise: false,
    rule: p.rule,
    beta: p.beta,
  });
  const dK = p.keys.cols;
  const dV = p.values.cols;
  return memories.map((w, last) => {
    let total = 0;
    for (let i = 0; i <= last; i++) {
      let squared = 0;
      for (let a = 0; a < dV; a++) {
        let read = 0;
        for (let b = 0; b < dK; b++) read += w.data[a * dK + b] * p.keys.data[i * dK + b];
        const gap = read - p.values.data[i * dV + a];
        squared += gap * gap;
      }
      total += Math.sqrt(squared);
    }
    return total / (last + 1);
  });
}
