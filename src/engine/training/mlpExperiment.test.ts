import { beforeAll, describe, expect, it } from "vitest";
import { oneStepGdLoss, optimalOneStepGd, zeroPredictorLoss } from "../../core/regressionReferences";
import type { Tf } from "../types";
import { mlpExperiment } from "./mlpExperiment";
import { regressionEvaluationBatch, regressionOptions } from "./regressionBatches";
import { gdLayerParameters, gdLossOnTasks, setLsa } from "./regressionTesting";
import { cpuTrainingTf } from "./testTf";
import { createTrainer } from "./trainer";

let tf: Tf;
beforeAll(async () => {
  tf = await cpuTrainingTf();
});

const trained = regressionOptions(mlpExperiment.defaults);
const shifted = [
  { name: "as in training", options: trained },
  { name: "inputs twice as large", options: { ...trained, inputScale: 2 } },
  { name: "20 examples", options: { ...trained, examples: 20 } },
];

describe("the mlp experiment's table of shifted tasks", () => {
  it("rows: the LSA as a gradient step loses what that step loses on each distribution; the MLP takes only N = 10", async () => {
    const eta = optimalOneStepGd(trained).eta;
    const trainer = createTrainer(tf, mlpExperiment);
    await setLsa(trainer, gdLayerParameters(10, eta));
    const { shifted: rows } = await trainer.snapshot();
    expect(rows.map((r) => r.name)).toEqual(shifted.map((s) => s.name));
    const metrics = await trainer.evaluate();
    rows.forEach((row, i) => {
      const { options } = shifted[i];
      const sameTasks = gdLossOnTasks(regressionEvaluationBatch(options), eta);
      expect(Math.abs((row.losses.lsa as number) / sameTasks.mean - 1), row.name).toBeLessThan(1e-5);
      expect(row.zeroPredictor).toBe(zeroPredictorLoss(options));
      expect(row.optimalGd).toBe(optimalOneStepGd(options).loss);
      expect(row.gdAtLearnedEta).toBeCloseTo(oneStepGdLoss(eta, options), 5);
    });
    // The first row is the evaluation set itself.
    expect(rows[0].losses).toEqual(metrics);
    expect(rows[1].losses.mlp).toBeGreaterThan(0);
    expect(rows[2].losses.mlp).toBeNull();
    // Twice the examples: the averaging layer takes them and does better than with 10.
    expect(rows[2].losses.lsa).toBeLessThan(rows[0].losses.lsa as number);
    trainer.dispose();
  });
});
