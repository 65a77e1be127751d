import { toRows } from "../../core/matrix";
import type { Activation } from "../../core/mlp";
import { type MlpChangeCounts, mlpChangeCounts } from "../../state/mlpCounters";
import { currentMlpResult, type MlpState } from "../../state/mlpStore";

/** What a host page reads from the MLP widget's root element as `element.value`. */
export interface MlpFigureValue {
  tokens: string[];
  /** Token embeddings X, one [x, y] per token. */
  points: number[][];
  activation: Activation;
  seed: number;
  /** A [hidden, 2] and B [2, hidden] as they are now. */
  a: number[][];
  b: number[][];
  /** The result on screen (null while the first one computes): Z = XAᵀ, H = σ(Z), out = HBᵀ. */
  preActivations: number[][] | null;
  hidden: number[][] | null;
  out: number[][] | null;
  counts: MlpChangeCounts;
}

export function figureValue(s: MlpState): MlpFigureValue {
  const result = currentMlpResult(s);
  return {
    tokens: [...s.tokens],
    points: toRows(s.points),
    activation: s.activation,
    seed: s.seed,
    a: toRows(s.a),
    b: toRows(s.b),
    preActivations: result ? toRows(result.preActivations) : null,
    hidden: result ? toRows(result.hidden) : null,
    out: result ? toRows(result.out) : null,
    counts: mlpChangeCounts({ ...s, result }),
  };
}
