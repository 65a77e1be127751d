import type {
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
  ModelId,
} from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { type TrainingFigureValue, trainingFigureValue } from "../shared/trainingFigure";
import { copyScore } from "./copyScore";
import { INDUCTION_MODELS } from "./inductionTask";
import type { InductionProbe } from "./useInductionProbe";

/** What a host page reads from the InductionHeads root element as `element.value`. */
export interface InductionHeadsFigureValue extends TrainingFigureValue {
  /** The fixed sequence the snapshot's maps are drawn on (null before the first snapshot). */
  probeTokens: number[] | null;
  /** The reader's sequence: what was typed, the tokens read, the message, and the models' answer. */
  reader: {
    text: string;
    tokens: number[];
    message: string | null;
    /** Per model: the most likely next token at each position, and right copies out of repeated positions. */
    predictions: Partial<Record<ModelId, { tokens: number[]; correct: number; repeated: number }>> | null;
  };
}

export function figureValue(
  s: TrainingState<InductionSnapshot, InductionProbeRequest, InductionProbeResult>,
  probe: InductionProbe,
): InductionHeadsFigureValue {
  const result = probe.result;
  const predictions = result
    ? Object.fromEntries(
        INDUCTION_MODELS.flatMap((m) => {
          const next = result.next[m.id];
          if (!next) return [];
          const score = copyScore(result.tokens, next);
          return [
            [
              m.id,
              { tokens: next.map((p) => p.token), correct: score.correct, repeated: score.repeated.length },
            ],
          ];
        }),
      )
    : null;
  return {
    ...trainingFigureValue(s),
    probeTokens: s.snapshot ? [...s.snapshot.tokens] : null,
    reader: { text: probe.text, tokens: [...probe.tokens], message: probe.message, predictions },
  };
}
