import type { AttentionParams } from "../core/attention";
import type { Matrix } from "../core/matrix";
import type { Activation, MlpParams } from "../core/mlp";
import { createRng, type Rng } from "../core/rng";

/** Seeded test inputs shared by the node and browser engine tests. */

/** A `rows × cols` matrix of N(0, scale²) entries. */
export function randomMatrix(rng: Rng, rows: number, cols: number, scale = 1): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => scale * rng.normal()) };
}

/** Attention inputs with O(1) scores: X ~ N(0, 1), projections ~ N(0, 1/d_model). */
export function attentionCase(
  seed: number,
  n: number,
  dModel: number,
  dK: number,
  dV: number,
  extra: Partial<AttentionParams> = {},
): AttentionParams {
  const rng = createRng(seed);
  const w = 1 / Math.sqrt(dModel);
  return {
    x: randomMatrix(rng, n, dModel),
    wq: randomMatrix(rng, dModel, dK, w),
    wk: randomMatrix(rng, dModel, dK, w),
    wv: randomMatrix(rng, dModel, dV, w),
    ...extra,
  };
}

export function mlpCase(
  seed: number,
  n: number,
  dIn: number,
  hidden: number,
  dOut: number,
  activation: Activation,
): MlpParams {
  const rng = createRng(seed);
  return {
    x: randomMatrix(rng, n, dIn),
    a: randomMatrix(rng, hidden, dIn, 1 / Math.sqrt(dIn)),
    b: randomMatrix(rng, dOut, hidden, 1 / Math.sqrt(hidden)),
    activation,
  };
}

/**
 * The largest |actual − expected| over two matrices of equal shape; −∞ must match −∞ exactly
 * (a masked score), otherwise the result is Infinity. A shape mismatch is Infinity too.
 */
export function maxAbsDiff(actual: Matrix, expected: Matrix): number {
  if (actual.rows !== expected.rows || actual.cols !== expected.cols) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i];
    const e = expected.data[i];
    if (a === e) continue;
    const diff = Math.abs(a - e);
    if (!(diff <= worst)) worst = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff;
  }
  return worst;
}

/** The largest difference over every named matrix both results hold, by name, for readable failures. */
export function diffsByName<T extends object>(actual: T, expected: T): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(expected)) {
    if (value && typeof value === "object" && "data" in value) {
      out[name] = maxAbsDiff((actual as Record<string, Matrix>)[name], value as Matrix);
    }
  }
  return out;
}
