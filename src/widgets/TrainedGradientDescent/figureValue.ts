import { toRows } from "../../core/matrix";
import { optimalOneStepGd, zeroPredictorLoss } from "../../core/regressionReferences";
import type { GdSnapshot } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { REGRESSION_TASK } from "../shared/regressionLines";
import { type TrainingFigureValue, trainingFigureValue } from "../shared/trainingFigure";

/** What a host page reads from the TrainedGradientDescent root element as `element.value`. */
export interface TrainedGradientDescentFigureValue extends TrainingFigureValue {
  /** tr(A)/d of the layer on screen, and ‖A − ηI‖/‖A‖; null before the first snapshot. */
  impliedEta: number | null;
  offIdentity: number | null;
  /** The best one-step learning rate η* and the two reference losses. */
  optimalEta: number;
  optimalGdLoss: number;
  zeroPredictorLoss: number;
  /** The learned preconditioner A, row by row. */
  preconditioner: number[][] | null;
}

export function figureValue(s: TrainingState<GdSnapshot>): TrainedGradientDescentFigureValue {
  const optimal = optimalOneStepGd(REGRESSION_TASK);
  return {
    ...trainingFigureValue(s),
    impliedEta: s.snapshot?.impliedEta ?? null,
    offIdentity: s.snapshot?.offIdentity ?? null,
    optimalEta: optimal.eta,
    optimalGdLoss: optimal.loss,
    zeroPredictorLoss: zeroPredictorLoss(REGRESSION_TASK),
    preconditioner: s.snapshot ? toRows(s.snapshot.preconditioner) : null,
  };
}
