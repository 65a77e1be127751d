import type { ModelId } from "./types";

/*
 * Seeds derived from a run's seed, so that every random draw of a run is a pure function of
 * (seed, what is drawn): step s always trains on the same batch, whether the run got there in one
 * go, after a pause, from a checkpoint or on another backend; and each model's initial parameters
 * depend on the seed and the model alone, so the LSA of the gd experiment starts where the LSA of
 * the mlp experiment starts.
 */

/**
 * A 32-bit integer hash of two integers (the finaliser of MurmurHash3, applied after folding `b`
 * into `a` with a golden-ratio multiple). Neighbouring inputs give unrelated outputs. A plain
 * `seed + step` would not do: mulberry32 (createRng) advances its state by the constant
 * 0x6d2b79f5, so seeds that differ by a multiple of it draw the same numbers, shifted.
 * Each argument is reduced to 32 bits first; the result is in [0, 2³²).
 */
export function mixSeeds(a: number, b: number): number {
  let h = (Math.trunc(a) >>> 0) ^ Math.imul((Math.trunc(b) >>> 0) + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of step `step`'s batch in a run seeded with `seed`: `mixSeeds(seed, step)`. */
export function batchSeed(seed: number, step: number): number {
  return mixSeeds(seed, step);
}

// Distinct salts keep the parameter streams apart from the batch streams (steps are ≥ 0 and far
// below 2³¹, so these never collide with a step's).
const INIT_SALT: Record<ModelId, number> = {
  lsa: 0x80000001,
  mlp: 0x80000002,
  twoLayer: 0x80000003,
  oneLayer: 0x80000004,
};

/** The seed of model `model`'s initial parameters in a run seeded with `seed`. */
export function initSeed(seed: number, model: ModelId): number {
  return mixSeeds(seed, INIT_SALT[model]);
}
