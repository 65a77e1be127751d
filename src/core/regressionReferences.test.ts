import { describe, expect, it } from "vitest";
import { referenceCases } from "../../tests/golden/training";
import { oneStepGdLoss, optimalOneStepGd, zeroPredictorLoss } from "./regressionReferences";
import { type RegressionTaskOptions, sampleRegressionBatch } from "./regressionTasks";
import { createRng } from "./rng";

const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

/**
 * Simulates one gradient step from W = 0 on B tasks: ŵ = η·(1/N)Σ y_i x_i, loss ½(x_q·ŵ − y_q)².
 * Returns the mean loss over tasks and its standard error.
 */
function simulateOneStep(eta: number, options: RegressionTaskOptions, tasks: number, seed: number) {
  const b = sampleRegressionBatch(createRng(seed), tasks, options);
  const { examples: n, inputDim: d } = options;
  const losses = new Float64Array(tasks);
  const s = new Float64Array(d);
  for (let t = 0; t < tasks; t++) {
    s.fill(0);
    for (let i = 0; i < n; i++) {
      const row = (t * n + i) * (d + 1);
      const y = b.contexts[row + d];
      for (let c = 0; c < d; c++) s[c] += (y * b.contexts[row + c]) / n;
    }
    let prediction = 0;
    for (let c = 0; c < d; c++) prediction += eta * b.queries[t * d + c] * s[c];
    losses[t] = 0.5 * (prediction - b.targets[t]) ** 2;
  }
  const mean = losses.reduce((sum, v) => sum + v, 0) / tasks;
  const variance = losses.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (tasks - 1);
  return { mean, error: Math.sqrt(variance / tasks) };
}

describe("reference losses, against numpy (exact moments, Monte Carlo checked there)", () => {
  it.each(referenceCases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    close(zeroPredictorLoss(c.options), c.zeroLoss);
    c.etas.forEach((eta, k) => {
      close(oneStepGdLoss(eta, c.options), c.gdLosses[k]);
    });
    const best = optimalOneStepGd(c.options);
    close(best.eta, c.optimalEta);
    close(best.loss, c.optimalLoss);
  });
});

describe("reference losses", () => {
  const training = { examples: 10, inputDim: 10, inputScale: 1 };

  it("for d = 10, N = 10, a = 1: zero 5/3, η* = 50/33 ≈ 1.515, one step ≈ 0.8249", () => {
    expect(zeroPredictorLoss(training)).toBeCloseTo(5 / 3, 12);
    const best = optimalOneStepGd(training);
    expect(best.eta).toBeCloseTo(50 / 33, 12);
    expect(best.loss).toBeCloseTo(0.824916, 6);
    expect(oneStepGdLoss(best.eta, training)).toBeCloseTo(best.loss, 12);
  });

  it("one step with η = 0 is the zero predictor, and η* beats its neighbours", () => {
    for (const options of [training, { examples: 3, inputDim: 2, inputScale: 0.5 }]) {
      expect(oneStepGdLoss(0, options)).toBeCloseTo(zeroPredictorLoss(options), 12);
      const best = optimalOneStepGd(options);
      expect(oneStepGdLoss(best.eta * 1.01, options)).toBeGreaterThan(best.loss);
      expect(oneStepGdLoss(best.eta * 0.99, options)).toBeGreaterThan(best.loss);
    }
  });

  it("scales with the inputs: a = 2 quadruples both losses and quarters η*", () => {
    const wide = { ...training, inputScale: 2 };
    expect(zeroPredictorLoss(wide)).toBeCloseTo(4 * zeroPredictorLoss(training), 12);
    expect(optimalOneStepGd(wide).eta).toBeCloseTo(optimalOneStepGd(training).eta / 4, 12);
    expect(optimalOneStepGd(wide).loss).toBeCloseTo(4 * optimalOneStepGd(training).loss, 12);
  });

  it.each([
    ["d = 10, N = 10, a = 1, η*", training, undefined],
    ["d = 10, N = 20, a = 1, η = 1", { ...training, examples: 20 }, 1],
    ["d = 3, N = 4, a = 2, η*", { examples: 4, inputDim: 3, inputScale: 2 }, undefined],
  ] as const)(
    "matches a seeded simulation of the tasks within 4 standard errors: %s",
    (_, options, given) => {
      const eta = given ?? optimalOneStepGd(options).eta;
      const { mean, error } = simulateOneStep(eta, options, 20_000, 77);
      const exact = oneStepGdLoss(eta, options);
      expect(Math.abs(mean - exact)).toBeLessThan(4 * error);
      // The check has teeth: the error bar is well under the gap to the zero predictor.
      expect(4 * error).toBeLessThan(0.1 * (zeroPredictorLoss(options) - exact));
    },
  );

  it("rejects a non-finite η and bad options", () => {
    expect(() => oneStepGdLoss(Number.NaN, training)).toThrow(/η must be finite/);
    expect(() => zeroPredictorLoss({ ...training, inputScale: -1 })).toThrow(RangeError);
    expect(() => optimalOneStepGd({ ...training, examples: 0 })).toThrow(/examples N/);
  });
});
