import { row } from "../../core/matrix";
import type { OverwriteState, ValueName } from "../../state/overwriteStore";

/** What a host reads as `element.value`: the inputs, and e1's read after each write, per rule. */
export interface OverwriteFigureValue {
  /** The preset the values came from, or "custom". */
  preset: string;
  values: Record<ValueName, number[]>;
  beta: number;
  /** W e1 after writes 1, 2 and 3, under the sum rule and under the delta rule. */
  sumReads: number[][];
  deltaReads: number[][];
}

export function figureValue(s: OverwriteState): OverwriteFigureValue {
  const reads = (m: OverwriteState["sum"]) => [0, 1, 2].map((t) => row(m.reads, t));
  return {
    preset: s.preset,
    values: { a: [...s.values.a], b: [...s.values.b], c: [...s.values.c] },
    beta: s.beta,
    sumReads: reads(s.sum),
    deltaReads: reads(s.delta),
  };
}
