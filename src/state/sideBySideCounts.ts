import { matmul } from "../core/matmul";
import type { Matrix } from "../core/matrix";
import { countChangedEntries } from "./mlpCounters";

/**
 * An attention weight counts as changed when it moved by more than this: above float32 rounding
 * of weights in [0, 1] (~6e-8), far below what a one-step arrow move produces on a visible weight.
 */
export const WEIGHT_TOLERANCE = 1e-6;

/**
 * Frozen attention as a fixed linear layer: `out_i = Σ_j W_frozen[i, j] · v_j`, i.e.
 * `out = W_frozen · V`. Shapes: `W_frozen [n, n]`, `V [n, d_v]` → `out [n, d_v]`.
 * The mixing matrix no longer depends on the input; only the values V = X·W_V do.
 */
export function frozenAttentionOutput(frozenWeights: Matrix, values: Matrix): Matrix {
  return matmul(frozenWeights, values);
}

/** Euclidean distance between row i of `current` and row i of `reference` (both [n, d]). */
export function rowDistance(current: Matrix, reference: Matrix, i: number): number {
  if (current.cols !== reference.cols || i < 0 || i >= current.rows || i >= reference.rows) return Number.NaN;
  let sum = 0;
  for (let c = 0; c < current.cols; c++) {
    const d = current.data[i * current.cols + c] - reference.data[i * reference.cols + c];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** The parameters of both models, and the copies taken when the widget loaded. */
export interface SideBySideParameters {
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  a: Matrix;
  b: Matrix;
  loaded: {
    readonly wq: Matrix;
    readonly wk: Matrix;
    readonly wv: Matrix;
    readonly a: Matrix;
    readonly b: Matrix;
  };
}

/** Entries of the MLP's A and B that differ from their values at load, compared exactly. */
export function mlpParametersChanged(s: SideBySideParameters): number {
  return countChangedEntries(s.a, s.loaded.a) + countChangedEntries(s.b, s.loaded.b);
}

/** Entries of W_Q, W_K and W_V that differ from their values at load, compared exactly. */
export function attentionParametersChanged(s: SideBySideParameters): number {
  return (
    countChangedEntries(s.wq, s.loaded.wq) +
    countChangedEntries(s.wk, s.loaded.wk) +
    countChangedEntries(s.wv, s.loaded.wv)
  );
}

/** Entries of the attention mixing matrix that moved by more than WEIGHT_TOLERANCE since the baseline. */
export function attentionWeightsChanged(mixing: Matrix, baseline: Matrix): number {
  return countChangedEntries(mixing, baseline, WEIGHT_TOLERANCE);
}
