import { toRows } from "../../core/matrix";
import type { PresetName } from "../../core/presets";
import { currentResults, type TwoHeadsState } from "./twoHeadsStore";

/** One head as a host page reads it from `element.value`. */
export interface HeadFigureValue {
  preset: PresetName;
  wq: number[][];
  wk: number[][];
  wv: number[][];
  /** The result on screen (null while the first one computes). */
  weights: number[][] | null;
  out: number[][] | null;
}

export interface TwoHeadsFigureValue {
  tokens: string[];
  points: number[][];
  heads: HeadFigureValue[];
}

export function twoHeadsFigureValue(s: TwoHeadsState): TwoHeadsFigureValue {
  const results = currentResults(s);
  return {
    tokens: [...s.tokens],
    points: toRows(s.points),
    heads: s.heads.map((head, h) => ({
      preset: head.preset,
      wq: toRows(head.wq),
      wk: toRows(head.wk),
      wv: toRows(head.wv),
      weights: results ? toRows(results[h].weights) : null,
      out: results ? toRows(results[h].out) : null,
    })),
  };
}
