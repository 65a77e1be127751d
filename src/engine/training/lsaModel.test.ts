import { beforeAll, describe, expect, it } from "vitest";
import { rawSumLayer } from "../../core/impliedLearningRate";
import { lsaForward } from "../../core/linearSelfAttention";
import { matrix } from "../../core/matrix";
import { sampleRegressionBatch } from "../../core/regressionTasks";
import { createRng } from "../../core/rng";
import type { Tf } from "../types";
import { lsaLayerOf } from "./gdExperiment";
import { LSA_INIT_STD, lsaParameterCount, lsaPredictions, lsaSpec } from "./lsaModel";
import { normalEntry } from "./parameters";
import { cpuTrainingTf } from "./testTf";
import type { NamedArrays, TrainingConfig } from "./types";

let tf: Tf;
beforeAll(async () => {
  tf = await cpuTrainingTf();
});

const config = (examples: number, inputDim: number): TrainingConfig => ({
  seed: 1,
  steps: 10,
  batchSize: 8,
  learningRate: 1e-3,
  options: { examples, inputDim, inputScale: 1 },
});

/** A layer with O(1) entries, so that every term of the forward pass matters. */
function randomLayer(seed: number, d: number): NamedArrays {
  const rng = createRng(seed);
  return Object.fromEntries(
    ["wq", "wk", "wv", "projection"].map((name) => [name, normalEntry(rng, [d + 1, d + 1], 0.5)]),
  );
}

/** The tfjs predictions for a batch, and core's lsaForward on each task (P/N: Part II's raw sum). */
async function againstCore(seed: number, batch: number, n: number, d: number, a: number) {
  const named = randomLayer(seed, d);
  const tasks = sampleRegressionBatch(createRng(seed + 100), batch, {
    examples: n,
    inputDim: d,
    inputScale: a,
  });
  const packed = tf.tidy(() => {
    const params = Object.fromEntries(
      Object.entries(named).map(([name, e]) => [name, tf.tensor(e.values, e.shape)]),
    );
    return lsaPredictions(
      tf,
      params,
      tf.tensor(tasks.contexts, [batch, n, d + 1]),
      tf.tensor(tasks.queries, [batch, d]),
    );
  });
  const got = await packed.data();
  packed.dispose();
  const layer = rawSumLayer(lsaLayerOf(named), n);
  const expected = Array.from({ length: batch }, (_, t) => {
    const tokens = tasks.contexts.subarray(t * n * (d + 1), (t + 1) * n * (d + 1));
    const xs = matrix(
      n,
      d,
      Array.from({ length: n * d }, (_, k) => tokens[Math.floor(k / d) * (d + 1) + (k % d)]),
    );
    const ys = matrix(
      n,
      1,
      Array.from({ length: n }, (_, i) => tokens[i * (d + 1) + d]),
    );
    const queries = matrix(1, d, tasks.queries.subarray(t * d, (t + 1) * d));
    return lsaForward({ context: { xs, ys }, queries, layers: [layer] }).predictions[0].data[0];
  });
  return { got: Array.from(got), expected };
}

describe("the LSA model in tfjs", () => {
  it.each([
    ["N = 10, d = 10 (training)", 1, 16, 10, 10, 1],
    ["N = 20 (twice the examples: the layer averages)", 2, 16, 20, 10, 1],
    ["inputs twice as large", 3, 16, 10, 10, 2],
    ["N = 1, d = 1", 4, 5, 1, 1, 1],
    ["N = 3, d = 2", 5, 7, 3, 2, 1],
  ])("agrees with core's lsaForward (projection/N) within 1e-5 relative: %s", async (_, seed, b, n, d, a) => {
    const { got, expected } = await againstCore(seed, b, n, d, a);
    const scale = Math.max(1, ...expected.map(Math.abs));
    got.forEach((value, t) => {
      expect(Math.abs(value - expected[t]) / scale, `task ${t}`).toBeLessThanOrEqual(1e-5);
    });
    // Not trivially zero: random layers predict something.
    expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(0.01);
  });

  it("has 4·(d+1)² parameters, drawn small and seeded", () => {
    const spec = lsaSpec(config(10, 10));
    expect(lsaParameterCount(10)).toBe(484);
    expect(spec.label).toContain("484 parameters");
    const first = spec.init(createRng(3));
    expect(Object.keys(first).sort()).toEqual(["projection", "wk", "wq", "wv"]);
    for (const e of Object.values(first)) expect(e.shape).toEqual([11, 11]);
    expect(spec.init(createRng(3))).toEqual(first);
    expect(spec.init(createRng(4)).wq.values).not.toEqual(first.wq.values);
    const all = Object.values(first).flatMap((e) => Array.from(e.values));
    const std = Math.sqrt(all.reduce((s, v) => s + v * v, 0) / all.length);
    expect(std).toBeGreaterThan(0.8 * LSA_INIT_STD);
    expect(std).toBeLessThan(1.2 * LSA_INIT_STD);
  });

  it("its loss is ½·mean((ŷ − y)²), and it rejects impossible task settings", async () => {
    const spec = lsaSpec(config(4, 3));
    const named = randomLayer(9, 3);
    const tasks = sampleRegressionBatch(createRng(5), 6, { examples: 4, inputDim: 3, inputScale: 1 });
    const [loss, predictions] = tf.tidy(() => {
      const params = Object.fromEntries(
        Object.entries(named).map(([k, e]) => [k, tf.tensor(e.values, e.shape)]),
      );
      const contexts = tf.tensor(tasks.contexts, [6, 4, 4]);
      const queries = tf.tensor(tasks.queries, [6, 3]);
      const batch = { contexts, queries, targets: tf.tensor(tasks.targets, [6]) };
      return [spec.loss(tf, params, batch), lsaPredictions(tf, params, contexts, queries)];
    });
    const yHat = await predictions.data();
    const expected = Array.from(yHat).reduce((s, v, t) => s + 0.5 * (v - tasks.targets[t]) ** 2, 0) / 6;
    expect((await loss.data())[0]).toBeCloseTo(expected, 5);
    tf.dispose([loss, predictions]);
    expect(() => lsaSpec(config(0, 10))).toThrow(/examples N/);
    expect(() => lsaSpec(config(10, Number.NaN))).toThrow(/input size d/);
  });
});
