import { impliedLearningRate } from "../../core/impliedLearningRate";
import { oneStepGdLoss, optimalOneStepGd, zeroPredictorLoss } from "../../core/regressionReferences";
import { type RegressionTaskOptions, sampleRegressionBatch } from "../../core/regressionTasks";
import { lsaLayerOf, REGRESSION_DEFAULTS } from "./gdExperiment";
import { halfMeanSquaredError, lsaPredictions, lsaSpec } from "./lsaModel";
import { mlpPredictions, mlpSpec } from "./mlpModel";
import { readGroups } from "./parameters";
import { regressionBatchArrays, regressionEvaluationBatch, regressionOptions } from "./regressionBatches";
import type { Experiment, MlpSnapshot, ModelId, ShiftRow, Tensor } from "./types";

/*
 * Experiment 2 of Part III: the same LSA layer and an MLP with about as many parameters, given
 * the same examples flattened into one vector, trained with the same optimiser and learning rate
 * on the same batches for the same steps. The snapshot tests both away from the training
 * distribution: inputs twice as large, and twice as many examples (which only the LSA can take,
 * because it averages over however many examples it is given).
 */

/** A test distribution of the snapshot's table: its name and how it differs from training. */
interface Shift {
  /** The row's name, given the training distribution. */
  name: (trained: RegressionTaskOptions) => string;
  change: (options: RegressionTaskOptions) => RegressionTaskOptions;
}

/** The rows of the table, in order. */
export const SHIFTS: readonly Shift[] = [
  { name: () => "as in training", change: (o) => o },
  { name: () => "inputs twice as large", change: (o) => ({ ...o, inputScale: 2 * o.inputScale }) },
  {
    // The MLP's input has room for N examples only: its loss on this row is null.
    name: (o) => `${2 * o.examples} examples`,
    change: (o) => ({ ...o, examples: 2 * o.examples }),
  },
];

export const mlpExperiment: Experiment<MlpSnapshot> = {
  id: "mlp",
  defaults: REGRESSION_DEFAULTS,
  models: (config) => [lsaSpec(config), mlpSpec(config)],
  sampleBatch: (rng, config) =>
    regressionBatchArrays(sampleRegressionBatch(rng, config.batchSize, regressionOptions(config))),
  evaluationBatch: (config) => regressionEvaluationBatch(regressionOptions(config)),
  async snapshot(tf, params, config) {
    const { lsa, mlp } = params;
    if (!lsa || !mlp) throw new Error("mlp snapshot: both the lsa and the mlp models need parameters");
    const trained = regressionOptions(config);
    const shifts = SHIFTS.map((shift) => ({ shift, options: shift.change(trained) }));
    // The MLP's first layer is built for the training N; any other N has no place in its input.
    const mlpTakes = (o: RegressionTaskOptions) => o.examples === trained.examples;
    const stacked = tf.tidy(() => {
      const losses: Tensor[] = [];
      for (const { options } of shifts) {
        const arrays = regressionEvaluationBatch(options);
        const upload = (name: string) => tf.tensor(arrays[name].values, arrays[name].shape, "float32");
        const contexts = upload("contexts");
        const queries = upload("queries");
        const targets = upload("targets");
        losses.push(halfMeanSquaredError(tf, lsaPredictions(tf, lsa, contexts, queries), targets));
        if (mlpTakes(options)) {
          losses.push(halfMeanSquaredError(tf, mlpPredictions(tf, mlp, contexts, queries), targets));
        }
      }
      return tf.stack(losses);
    });
    // The losses and the layer's weights come back in one readback.
    let read: Awaited<ReturnType<typeof readGroups>>;
    try {
      read = await readGroups(tf, [{ losses: stacked }, lsa]);
    } finally {
      stacked.dispose();
    }
    const [{ losses: lossArrays }, layer] = read;
    const values = lossArrays.values;
    const learnedEta = impliedLearningRate(lsaLayerOf(layer), trained.inputDim).eta;
    let next = 0;
    const shifted = shifts.map(({ shift, options }): ShiftRow => {
      const losses: Partial<Record<ModelId, number | null>> = { lsa: values[next++] };
      losses.mlp = mlpTakes(options) ? values[next++] : null;
      return {
        name: shift.name(trained),
        losses,
        zeroPredictor: zeroPredictorLoss(options),
        optimalGd: optimalOneStepGd(options).loss,
        gdAtLearnedEta: oneStepGdLoss(learnedEta, options),
      };
    });
    return { shifted };
  },
};
