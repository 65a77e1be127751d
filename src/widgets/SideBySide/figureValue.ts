import { identity, toRows } from "../../core/matrix";
import {
  currentMlp,
  isSettled,
  type OutputShift,
  outputShift,
  type SideBySideCounts,
  type SideBySideState,
  sideBySideCounts,
} from "../../state/sideBySideStore";

/** What a host page reads from the side-by-side widget's root element as `element.value`. */
export interface SideBySideFigureValue {
  tokens: string[];
  /** Token embeddings X, one [x, y] per token: the one input both models read. */
  points: number[][];
  selectedOutput: number | null;
  frozen: boolean;
  /** Attention's mixing matrix on screen (frozen or live), rows are outputs; null before a result. */
  attentionMixing: number[][] | null;
  /** The MLP's mixing matrix: the n × n identity, whatever the input. */
  mlpMixing: number[][];
  attentionOut: number[][] | null;
  mlpOut: number[][] | null;
  wq: number[][];
  wk: number[][];
  wv: number[][];
  a: number[][];
  b: number[][];
  counts: SideBySideCounts;
  shift: OutputShift | null;
  /** True once both models' results on screen were computed from `points`. */
  settled: boolean;
  resultVersion: number;
}

export function figureValue(s: SideBySideState): SideBySideFigureValue {
  const mlp = currentMlp(s);
  return {
    tokens: [...s.tokens],
    points: toRows(s.points),
    selectedOutput: s.selectedOutput,
    frozen: s.frozen !== null,
    attentionMixing: s.mixing ? toRows(s.mixing) : null,
    mlpMixing: toRows(identity(s.tokens.length)),
    attentionOut: s.attentionOut ? toRows(s.attentionOut) : null,
    mlpOut: mlp ? toRows(mlp.out) : null,
    wq: toRows(s.wq),
    wk: toRows(s.wk),
    wv: toRows(s.wv),
    a: toRows(s.a),
    b: toRows(s.b),
    counts: sideBySideCounts(s),
    shift: outputShift(s),
    settled: isSettled(s),
    resultVersion: s.resultVersion,
  };
}
