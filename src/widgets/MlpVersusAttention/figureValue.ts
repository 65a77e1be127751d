import type { MlpSnapshot, ShiftRow } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { type TrainingFigureValue, trainingFigureValue } from "../shared/trainingFigure";

/** What a host page reads from the MlpVersusAttention root element as `element.value`. */
export interface MlpVersusAttentionFigureValue extends TrainingFigureValue {
  /** The shifted-distribution rows on screen; null before the first snapshot. */
  shifted: ShiftRow[] | null;
}

export function figureValue(s: TrainingState<MlpSnapshot>): MlpVersusAttentionFigureValue {
  return {
    ...trainingFigureValue(s),
    shifted: s.snapshot ? s.snapshot.shifted.map((row) => ({ ...row, losses: { ...row.losses } })) : null,
  };
}
