import type { Normalisation } from "../../core/attention";
import { toRows } from "../../core/matrix";
import type { AttentionState } from "../../state/attentionStore";
import { currentResult } from "./currentResult";

/** What a host page reads from the widget's root element as `element.value`. */
export interface AttentionFigureValue {
  tokens: string[];
  /** Token embeddings X, one [x, y] per token. */
  points: number[][];
  wq: number[][];
  wk: number[][];
  wv: number[][];
  causal: boolean;
  temperature: number;
  normalisation: Normalisation;
  /** Whether scores are divided by √d_k. */
  scale: boolean;
  /** One per token: true when that token is hidden as a key. */
  maskedKeys: boolean[];
  /** The result on screen (null while the first one computes). */
  scores: number[][] | null;
  weights: number[][] | null;
  out: number[][] | null;
}

export function figureValue(s: AttentionState): AttentionFigureValue {
  const result = currentResult(s);
  return {
    tokens: [...s.tokens],
    points: toRows(s.points),
    wq: toRows(s.wq),
    wk: toRows(s.wk),
    wv: toRows(s.wv),
    causal: s.causal,
    temperature: s.temperature,
    normalisation: s.normalisation,
    scale: s.scale,
    maskedKeys: [...s.maskedKeys],
    scores: result ? toRows(result.scores) : null,
    weights: result ? toRows(result.weights) : null,
    out: result ? toRows(result.out) : null,
  };
}
