import { toRows } from "../../core/matrix";
import type { PresetName } from "../../core/presets";
import { maxParameterDifference, meanWeightDifference } from "../../state/twoMeaningsStats";
import { currentResult, type TwoMeaningsState } from "../../state/twoMeaningsStore";

/** What a host page reads from the TwoMeanings root element as `element.value`. */
export interface TwoMeaningsFigureValue {
  seed: number;
  count: number;
  tokensPerInput: number;
  preset: PresetName;
  wq: number[][];
  wk: number[][];
  wv: number[][];
  /** Each input's words, embeddings and (once computed) attention weights A. */
  inputs: { tokens: string[]; points: number[][]; weights: number[][] | null }[];
  /** Largest difference between the parameters any two inputs were computed with (0 expected). */
  parameterDifference: number | null;
  /** Mean over pairs of inputs of mean |A_k − A_l|; null before a result or with K = 1. */
  weightDifference: number | null;
  resultVersion: number;
}

export function figureValue(s: TwoMeaningsState): TwoMeaningsFigureValue {
  const result = currentResult(s);
  return {
    seed: s.seed,
    count: s.count,
    tokensPerInput: s.tokensPerInput,
    preset: s.preset,
    wq: toRows(s.wq),
    wk: toRows(s.wk),
    wv: toRows(s.wv),
    inputs: s.inputs.map((input, k) => ({
      tokens: [...input.tokens],
      points: toRows(input.points),
      weights: result ? toRows(result.weights[k]) : null,
    })),
    parameterDifference: result ? maxParameterDifference(result.parameters) : null,
    weightDifference: result ? meanWeightDifference(result.weights) : null,
    resultVersion: s.resultVersion,
  };
}
