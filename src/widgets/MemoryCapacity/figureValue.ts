import type { KeyKind } from "../../core/memoryCapacity";
import type { CapacityState } from "../../state/capacityStore";

/** What a host reads as `element.value`: the inputs, and the error curves computed from them. */
export interface CapacityFigureValue {
  seed: number;
  dimension: number;
  count: number;
  keyKind: KeyKind;
  /** Mean retrieval error with N stored, for the current N. */
  sumError: number;
  deltaError: number;
  /** The whole curves, index N − 1. */
  sum: number[];
  delta: number[];
}

export function figureValue(s: CapacityState): CapacityFigureValue {
  return {
    seed: s.seed,
    dimension: s.dimension,
    count: s.count,
    keyKind: s.keyKind,
    sumError: s.curves.sum[s.count - 1],
    deltaError: s.curves.delta[s.count - 1],
    sum: [...s.curves.sum],
    delta: [...s.curves.delta],
  };
}
