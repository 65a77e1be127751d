import { optimalOneStepGd, zeroPredictorLoss } from "../../core/regressionReferences";
import type { RegressionTaskOptions } from "../../core/regressionTasks";
import type { ReferenceLine } from "./LossChart";

/**
 * The tasks the gd and mlp experiments train on (von Oswald et al. 2023): N = 10 examples of d = 10
 * inputs uniform in [−1, 1]. The reference lines and the constructed layer are computed for these.
 */
export const REGRESSION_TASK: RegressionTaskOptions = { examples: 10, inputDim: 10, inputScale: 1 };

/** Predicting 0, and one gradient-descent step with the best learning rate: the two lines to beat. */
export function regressionReferenceLines(task: RegressionTaskOptions): ReferenceLine[] {
  return [
    { id: "zero", label: "predicting 0", loss: zeroPredictorLoss(task), colour: "muted" },
    {
      id: "optimal-gd",
      label: "one gradient step, best learning rate",
      loss: optimalOneStepGd(task).loss,
      colour: "ink",
    },
  ];
}
