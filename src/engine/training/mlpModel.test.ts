import { beforeAll, describe, expect, it } from "vitest";
import { activate } from "../../core/mlp";
import { sampleRegressionBatch } from "../../core/regressionTasks";
import { createRng } from "../../core/rng";
import type { Tf } from "../types";
import { lsaParameterCount } from "./lsaModel";
import { comparableHiddenWidth, mlpInputSize, mlpParameterCount, mlpPredictions, mlpSpec } from "./mlpModel";
import { normalEntry, parameterCount } from "./parameters";
import { cpuTrainingTf } from "./testTf";
import type { TrainingConfig } from "./types";

let tf: Tf;
beforeAll(async () => {
  tf = await cpuTrainingTf();
});

const config = (options: Record<string, number> = {}): TrainingConfig => ({
  seed: 1,
  steps: 10,
  batchSize: 8,
  learningRate: 1e-3,
  options: { examples: 10, inputDim: 10, inputScale: 1, ...options },
});

describe("the comparison MLP", () => {
  it("takes the N examples and x_q flattened (120 numbers) and has about the LSA's 484 parameters", () => {
    expect(mlpInputSize(10, 10)).toBe(120);
    expect(comparableHiddenWidth(10, 10)).toBe(4);
    expect(mlpParameterCount(10, 10, 4)).toBe(489);
    const spec = mlpSpec(config());
    expect(spec.label).toContain("489 parameters");
    const init = spec.init(createRng(1));
    expect(parameterCount(init)).toBe(489);
    expect(init.w1.shape).toEqual([120, 4]);
    // The closest width for other sizes too.
    for (const [n, d] of [
      [5, 3],
      [20, 10],
      [10, 4],
    ]) {
      const h = comparableHiddenWidth(n, d);
      const gap = Math.abs(mlpParameterCount(n, d, h) - lsaParameterCount(d));
      expect(gap).toBeLessThanOrEqual(Math.abs(mlpParameterCount(n, d, h + 1) - lsaParameterCount(d)));
      if (h > 1)
        expect(gap).toBeLessThanOrEqual(Math.abs(mlpParameterCount(n, d, h - 1) - lsaParameterCount(d)));
    }
  });

  it("options.mlpHidden sets the width; impossible widths are refused", () => {
    expect(mlpSpec(config({ mlpHidden: 32 })).label).toContain("32 hidden units");
    expect(() => mlpSpec(config({ mlpHidden: 0 }))).toThrow(/hidden width/);
    expect(() => mlpSpec(config({ mlpHidden: 2.5 }))).toThrow(/hidden width/);
    expect(() => mlpSpec(config({ examples: 1000, inputDim: 256, mlpHidden: 4096 }))).toThrow(
      /more than this page trains/,
    );
  });

  it("predicts GELU(u·W1 + b1)·w2 + b2 on the flattened tokens", async () => {
    const [n, d, h, b] = [3, 2, 5, 4];
    const rng = createRng(7);
    const inputs = mlpInputSize(n, d);
    const named = {
      w1: normalEntry(rng, [inputs, h], 0.7),
      b1: normalEntry(rng, [h], 0.3),
      w2: normalEntry(rng, [h, 1], 0.7),
      b2: normalEntry(rng, [1], 0.3),
    };
    const tasks = sampleRegressionBatch(createRng(8), b, { examples: n, inputDim: d, inputScale: 1 });
    const packed = tf.tidy(() =>
      mlpPredictions(
        tf,
        Object.fromEntries(Object.entries(named).map(([k, e]) => [k, tf.tensor(e.values, e.shape)])),
        tf.tensor(tasks.contexts, [b, n, d + 1]),
        tf.tensor(tasks.queries, [b, d]),
      ),
    );
    const got = await packed.data();
    packed.dispose();
    for (let t = 0; t < b; t++) {
      const u = [
        ...tasks.contexts.subarray(t * n * (d + 1), (t + 1) * n * (d + 1)),
        ...tasks.queries.subarray(t * d, (t + 1) * d),
      ];
      let y = named.b2.values[0];
      for (let j = 0; j < h; j++) {
        let z = named.b1.values[j];
        for (let i = 0; i < inputs; i++) z += u[i] * named.w1.values[i * h + j];
        y += activate("gelu", z) * named.w2.values[j];
      }
      expect(got[t]).toBeCloseTo(y, 5);
    }
  });

  it("cannot take a context of another length", () => {
    const spec = mlpSpec(config());
    const init = spec.init(createRng(1));
    expect(() =>
      tf.tidy(() =>
        mlpPredictions(
          tf,
          Object.fromEntries(Object.entries(init).map(([k, e]) => [k, tf.tensor(e.values, e.shape)])),
          tf.zeros([2, 20, 11]),
          tf.zeros([2, 10]),
        ),
      ),
    ).toThrow(/230 numbers but the network takes 120/);
  });
});
