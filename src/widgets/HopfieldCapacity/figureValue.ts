import { currentCurve, type HopfieldCapacityState } from "../../state/hopfieldCapacityStore";
import { CLASSICAL_CAPACITY } from "./CapacityChart";

/** What a host page reads from the HopfieldCapacity root element as `element.value`. */
export interface HopfieldCapacityFigureValue {
  d: number;
  count: number;
  flipPercent: number;
  beta: number;
  seed: number;
  /** 0.14·d, where the classical rule's recall collapses. */
  classicalCapacity: number;
  /** The curve on screen for these parameters, or null while it computes. */
  curve: { counts: number[]; modern: number[]; classical: number[] } | null;
  curveVersion: number;
}

export function figureValue(s: HopfieldCapacityState): HopfieldCapacityFigureValue {
  const curve = currentCurve(s);
  return {
    d: s.d,
    count: s.count,
    flipPercent: s.flipPercent,
    beta: s.beta,
    seed: s.seed,
    classicalCapacity: CLASSICAL_CAPACITY * s.d,
    curve: curve ? { counts: curve.counts, modern: curve.modern, classical: curve.classical } : null,
    curveVersion: s.curveVersion,
  };
}
