import { type Matrix, matrix } from "../core/matrix";
import type { MlpResult } from "../core/mlp";

/**
 * An activation counts as changed when it moved by more than this: far below what a one-step
 * arrow move produces, but above float32 rounding (~1e-7 for activations of order 1), so a
 * backend switch that recomputes the same inputs is not counted as a change.
 */
export const ACTIVATION_TOLERANCE = 1e-6;

/**
 * How many entries of `current` differ from `reference` by more than `tolerance` (0: any
 * difference at all, bit for bit except that −0 equals 0). Matrices of different shapes differ
 * everywhere: every entry of `current` counts.
 */
export function countChangedEntries(current: Matrix, reference: Matrix, tolerance = 0): number {
  if (current.rows !== reference.rows || current.cols !== reference.cols) return current.data.length;
  let changed = 0;
  for (let k = 0; k < current.data.length; k++) {
    const a = current.data[k];
    const b = reference.data[k];
    // NaN never equals itself, so a NaN appearing (or staying) counts as a change.
    if (!(Math.abs(a - b) <= tolerance)) changed += 1;
  }
  return changed;
}

/** How many hidden units switched between on (z > 0) and off (z ≤ 0), over all tokens. */
export function countSwitchedGates(current: Matrix, reference: Matrix): number {
  if (current.rows !== reference.rows || current.cols !== reference.cols) return current.data.length;
  let switched = 0;
  for (let k = 0; k < current.data.length; k++) {
    if (current.data[k] > 0 !== reference.data[k] > 0) switched += 1;
  }
  return switched;
}

/** What the counters under the MLP widget show. */
export interface MlpChangeCounts {
  /** Entries of A and B that differ from their values at load, compared exactly. */
  parameters: number;
  /** Hidden activations H that changed since the count started; null before there is a result. */
  activations: number | null;
  /** Hidden units that switched on or off since the count started; null before there is a result. */
  gates: number | null;
}

/**
 * The counters, computed from the real matrices each time: the parameter count is what A and
 * B hold now against copies taken at load, not a constant.
 */
export function mlpChangeCounts(state: {
  a: Matrix;
  b: Matrix;
  loaded: { a: Matrix; b: Matrix };
  result: MlpResult | null;
  baseline: MlpResult | null;
}): MlpChangeCounts {
  const parameters =
    countChangedEntries(state.a, state.loaded.a) + countChangedEntries(state.b, state.loaded.b);
  const { result, baseline } = state;
  if (!result || !baseline) return { parameters, activations: null, gates: null };
  return {
    parameters,
    activations: countChangedEntries(result.hidden, baseline.hidden, ACTIVATION_TOLERANCE),
    gates: countSwitchedGates(result.preActivations, baseline.preActivations),
  };
}

/**
 * The on/off pattern of the hidden units, `1[Z > 0]` entrywise ([n, hidden]). For ReLU it is
 * exactly the gate: token i's output is `B·diag(gates_i)·A·x_i`, a linear map chosen by x_i itself.
 */
export function activePattern(preActivations: Matrix): Matrix {
  const gates = matrix(preActivations.rows, preActivations.cols);
  for (let k = 0; k < gates.data.length; k++) gates.data[k] = preActivations.data[k] > 0 ? 1 : 0;
  return gates;
}
