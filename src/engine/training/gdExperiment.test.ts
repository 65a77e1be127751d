import { beforeAll, describe, expect, it } from "vitest";
import { constructGdLayer } from "../../core/linearSelfAttention";
import { oneStepGdLoss, optimalOneStepGd } from "../../core/regressionReferences";
import type { Tf } from "../types";
import { gdExperiment } from "./gdExperiment";
import { EVALUATION_TASKS, regressionOptions } from "./regressionBatches";
import { gdLayerParameters, gdLossOnTasks, setLsa } from "./regressionTesting";
import { cpuTrainingTf } from "./testTf";
import { createTrainer } from "./trainer";

let tf: Tf;
beforeAll(async () => {
  tf = await cpuTrainingTf();
});

const options = regressionOptions(gdExperiment.defaults);
const etaStar = optimalOneStepGd(options).eta;

describe("the gd experiment", () => {
  it("defaults: N = 10 examples of x in 10 dimensions, uniform in [−1, 1]", () => {
    expect(options).toEqual({ examples: 10, inputDim: 10, inputScale: 1 });
    const evaluation = gdExperiment.evaluationBatch(gdExperiment.defaults);
    expect(evaluation.contexts.shape).toEqual([EVALUATION_TASKS, 10, 11]);
    // A fixed set: the run's seed does not change it.
    expect(gdExperiment.evaluationBatch({ ...gdExperiment.defaults, seed: 99 }).targets.values).toEqual(
      evaluation.targets.values,
    );
  });

  it.each([
    ["η*", etaStar],
    ["η = 0.5", 0.5],
  ])("the constructed gradient step (%s), loaded as weights, reads back as that step", async (_, eta) => {
    const trainer = createTrainer(tf, gdExperiment);
    await setLsa(trainer, gdLayerParameters(10, eta));
    const snapshot = await trainer.snapshot();
    expect(snapshot.impliedEta).toBeCloseTo(eta, 6);
    expect(snapshot.offIdentity).toBeLessThan(1e-6);
    // The figure's matrices are in Part II's raw-sum convention: exactly Part II's constructed layer.
    const partTwo = constructGdLayer(10, 1, eta, 10);
    for (const name of ["wk", "wq", "wv", "projection"] as const) {
      const worst = Math.max(
        ...snapshot.layer[name].data.map((value, k) => Math.abs(value - partTwo[name].data[k])),
      );
      expect(worst, name).toBeLessThan(1e-6);
    }
    trainer.dispose();
  });

  it.each([
    ["η*", etaStar],
    ["η = 0.5", 0.5],
  ])(
    "the constructed step's evaluation loss (%s) is one-step GD's: on the same tasks, and in expectation",
    async (_, eta) => {
      const trainer = createTrainer(tf, gdExperiment);
      await setLsa(trainer, gdLayerParameters(10, eta));
      const { lsa } = await trainer.evaluate();
      const sameTasks = gdLossOnTasks(gdExperiment.evaluationBatch(gdExperiment.defaults), eta);
      expect(Math.abs((lsa as number) / sameTasks.mean - 1)).toBeLessThan(1e-5);
      // Against core's exact expectation, within the evaluation set's Monte Carlo error (≈ 1.8 %).
      expect(Math.abs((lsa as number) - oneStepGdLoss(eta, options))).toBeLessThan(
        3 * sameTasks.standardError,
      );
      trainer.dispose();
    },
  );

  it("a freshly initialised layer is no gradient step yet", async () => {
    const trainer = createTrainer(tf, gdExperiment);
    const snapshot = await trainer.snapshot();
    expect(Math.abs(snapshot.impliedEta)).toBeLessThan(0.01);
    expect(snapshot.offIdentity).toBeGreaterThan(0.5);
    trainer.dispose();
  });
});
