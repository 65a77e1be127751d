import { type Matrix, matrix } from "../core/matrix";
import type { RegressionContext } from "../core/regression";
import { createRng } from "../core/rng";

/*
 * The limits of the in-context regression figure and its seeded tasks.
 *
 * Why these limits: with ‖x‖ ≤ 1 the curvature of the loss is at most 1, so any η ≤ 1 is a stable
 * step (no divergence, no overshoot), and with |y| ≤ 2, N ≤ 20 and K ≤ 8 the predictions stay
 * moderate. There float32 (tfjs) agrees with float64 (core) within 1e-6 on the CPU backend;
 * src/engine/lsaTf.test.ts searches that domain for the worst case.
 */

/** Inputs lie in [−X_LIMIT, X_LIMIT] (1-D); in d-D every ‖x‖ ≤ X_LIMIT. */
export const X_LIMIT = 1;
/** Targets lie in [−Y_LIMIT, Y_LIMIT]. */
export const Y_LIMIT = 2;
export const MIN_EXAMPLES = 1;
export const MAX_EXAMPLES = 20;
export const MIN_ETA = 0.05;
export const MAX_ETA = 1;
export const ETA_STEP = 0.05;
export const MIN_LAYERS = 1;
export const MAX_LAYERS = 8;
export const MIN_DIMENSION = 2;
export const MAX_DIMENSION = 10;
/** Query points of the 1-D figure: an even grid over [−X_LIMIT, X_LIMIT]. */
export const LINE_QUERIES = 21;
/** Query points of the d-D figure, listed in a table. */
export const SPACE_QUERIES = 5;

/** The figure's defaults, as the essay shows it (a link that leaves a setting out means these). */
export const REGRESSION_DEFAULTS = {
  seed: 3,
  eta: 0.8,
  /** Examples on the line, drawn from the seeded task. */
  lineCount: 6,
  /** Examples N in d-D. */
  spaceCount: 10,
  dimension: 4,
} as const;

export const clampTo = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value));

/** Slider positions per unit of η (20 for steps of 0.05). */
const ETA_GRID = Math.round(1 / ETA_STEP);

/**
 * η moved onto the slider's grid within [MIN_ETA, MAX_ETA]. A grid point is k / ETA_GRID, the
 * double nearest its decimal (0.15, not 3 × 0.05 = 0.15000000000000002), so links stay readable.
 */
export const etaOnGrid = (eta: number) =>
  Math.min(MAX_ETA, Math.max(MIN_ETA, Math.round(eta / ETA_STEP) / ETA_GRID));

/** One stream per (seed, purpose, index): example k is the same whatever N is. */
const streamOf = (seed: number, purpose: number, index: number) =>
  createRng(((seed >>> 0) * 7919 + purpose * 104729 + index) >>> 0);

/** The task's true weights w* [d, 1]: a slope in ±[0.5, 1.8] in 1-D, N(0, I) in d-D. */
function trueWeights(seed: number, d: number): Matrix {
  const rng = streamOf(seed, 1, 0);
  if (d === 1) return matrix(1, 1, [(rng.next() < 0.5 ? -1 : 1) * (0.5 + 1.3 * rng.next())]);
  return matrix(
    d,
    1,
    Array.from({ length: d }, () => rng.normal()),
  );
}

/** An input: uniform in [−1, 1]^d, scaled by 1/√d so that ‖x‖ ≤ 1 in every dimension. */
function sampleInput(seed: number, purpose: number, index: number, d: number): number[] {
  const rng = streamOf(seed, purpose, index);
  const scale = X_LIMIT / Math.sqrt(d);
  return Array.from({ length: d }, () => (2 * rng.next() - 1) * scale);
}

/** Example k of the task: x_k, and y_k = x_k·w* plus a little noise, clamped to ±Y_LIMIT. */
export function sampleExample(seed: number, d: number, index: number): { x: number[]; y: number } {
  const x = sampleInput(seed, 2, index, d);
  const w = trueWeights(seed, d);
  const noise = streamOf(seed, 3, index).normal() * 0.15;
  const y = x.reduce((sum, xa, a) => sum + xa * w.data[a], noise);
  return { x, y: clampTo(y, Y_LIMIT) };
}

/** N examples of the seeded task in d dimensions: X [N, d], Y [N, 1]. */
export function sampleContext(seed: number, d: number, count: number): RegressionContext {
  const examples = Array.from({ length: count }, (_, k) => sampleExample(seed, d, k));
  return {
    xs: matrix(
      count,
      d,
      examples.flatMap((e) => e.x),
    ),
    ys: matrix(
      count,
      1,
      examples.map((e) => e.y),
    ),
  };
}

/** The 1-D figure's queries: LINE_QUERIES evenly spaced x_q in [−X_LIMIT, X_LIMIT], [M, 1]. */
export function lineQueries(): Matrix {
  const step = (2 * X_LIMIT) / (LINE_QUERIES - 1);
  return matrix(
    LINE_QUERIES,
    1,
    Array.from({ length: LINE_QUERIES }, (_, i) => -X_LIMIT + i * step),
  );
}

/** The d-D figure's queries: SPACE_QUERIES inputs of the seeded task, [M, d]. */
export function spaceQueries(seed: number, d: number): Matrix {
  return matrix(
    SPACE_QUERIES,
    d,
    Array.from({ length: SPACE_QUERIES }, (_, k) => sampleInput(seed, 4, k, d)).flat(),
  );
}
