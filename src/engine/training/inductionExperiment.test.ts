import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { inductionProbe } from "../../core/inductionTasks";
import { createRng } from "../../core/rng";
import type { TrainingConfig } from "../../core/training";
import { registerGradients } from "./gradients";
import { inductionCircuit } from "./inductionCircuit";
import { INDUCTION_DEFAULTS, inductionExperiment } from "./inductionExperiment";
import { createTrainer } from "./trainer";
import type { NamedArrays, Tensor, Trainer } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
  await registerGradients();
});

type InductionTrainer = Trainer<
  Awaited<ReturnType<typeof inductionExperiment.snapshot>>,
  { tokens: number[] },
  Awaited<ReturnType<NonNullable<typeof inductionExperiment.probe>>>
>;
const open: InductionTrainer[] = [];
const trainerFor = (config?: Partial<TrainingConfig>): InductionTrainer => {
  const trainer = createTrainer(tf, inductionExperiment, config);
  open.push(trainer);
  return trainer;
};
afterEach(() => {
  for (const trainer of open.splice(0)) trainer.dispose();
});

/** A smaller model for the tests that only count tensors or compare runs (the cpu backend is slow). */
const SMALL: Partial<TrainingConfig> = {
  batchSize: 4,
  options: { ...INDUCTION_DEFAULTS.options, dModel: 8, heads: 1, dHead: 8 },
};

const sumsToOne = (data: Float64Array, n: number) =>
  Array.from({ length: n }, (_, t) => data.subarray(t * n, (t + 1) * n).reduce((s, w) => s + w, 0)).every(
    (sum) => Math.abs(sum - 1) < 1e-5,
  );

describe("the induction experiment's batches", () => {
  it("vary the segment from 4 to 8 tokens, so the repeat is no fixed distance back", () => {
    const batch = inductionExperiment.sampleBatch(createRng(1), { ...INDUCTION_DEFAULTS, batchSize: 400 });
    expect(batch.tokens.shape).toEqual([400, 24]);
    expect(batch.targets.shape).toEqual([400, 24]);
    const mask = batch.repeatMask.values;
    const lengths = new Set<number>();
    for (let b = 0; b < 400; b++) {
      const row = Array.from(batch.tokens.values.subarray(b * 24, (b + 1) * 24));
      const marked = Array.from(mask.subarray(b * 24, (b + 1) * 24));
      // The masked positions t predict tokens[t + 1], which equals the token S places earlier.
      const s = marked.filter((m) => m === 1).length + 1;
      lengths.add(s);
      marked.forEach((m, t) => {
        if (m === 1) expect(row[t + 1]).toBe(row[t + 1 - s]);
      });
    }
    expect([...lengths].sort()).toEqual([4, 5, 6, 7, 8]);
  });

  it("evaluate on a fixed set, whatever the run's seed", () => {
    const a = inductionExperiment.evaluationBatch(INDUCTION_DEFAULTS);
    const b = inductionExperiment.evaluationBatch({ ...INDUCTION_DEFAULTS, seed: 99 });
    expect(b).toEqual(a);
    expect(a.tokens.shape).toEqual([512, 24]);
  });
});

describe("the induction experiment on H2's trainer (cpu)", () => {
  it("lowers both models' repeat-half loss on the evaluation set within a few dozen steps", async () => {
    const trainer = trainerFor({
      learningRate: 0.01,
      batchSize: 16,
      options: { ...INDUCTION_DEFAULTS.options, dModel: 16, dHead: 8 },
    });
    const before = await trainer.evaluate();
    for (let i = 0; i < 40; i++) await trainer.train();
    const after = await trainer.evaluate();
    // Chance is ln 16 ≈ 2.77 nats. The first steps learn to guess among the tokens already seen
    // (≈ 0.08 nats in 40 steps here, the same for both models); the two-layer model's fall comes later.
    expect(before.twoLayer).toBeGreaterThan(2.7);
    expect(after.twoLayer).toBeLessThan((before.twoLayer as number) - 0.05);
    expect(after.oneLayer).toBeLessThan((before.oneLayer as number) - 0.05);
  }, 60_000);

  it("is deterministic per seed: the same seed gives the same losses, another seed others", async () => {
    const losses = async (seed: number) => {
      const trainer = trainerFor({ ...SMALL, seed });
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await trainer.train()).losses);
      return out;
    };
    const a = await losses(1);
    expect(await losses(1)).toEqual(a);
    expect(await losses(2)).not.toEqual(a);
  });

  it("leaks no tensor over 200 steps, snapshots and probes", async () => {
    const trainer = trainerFor(SMALL);
    await trainer.train();
    await trainer.snapshot();
    await trainer.probe({ tokens: [1, 2, 3, 1, 2] });
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) await trainer.train();
    await trainer.snapshot();
    await trainer.probe({ tokens: [1, 2, 3, 1, 2] });
    await trainer.evaluate();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);

  it("snapshots every head of both models on core's probe sequence", async () => {
    const trainer = trainerFor();
    const snapshot = await trainer.snapshot();
    const probe = inductionProbe({ vocab: 16, segment: 8, maxPrefix: 8 });
    expect(snapshot.tokens).toEqual(Array.from(probe.tokens));
    expect(snapshot.attention.twoLayer?.map((layer) => layer.length)).toEqual([2, 2]);
    expect(snapshot.attention.oneLayer?.map((layer) => layer.length)).toEqual([2]);
    for (const head of [
      ...(snapshot.attention.twoLayer ?? []),
      ...(snapshot.attention.oneLayer ?? []),
    ].flat()) {
      expect([head.rows, head.cols]).toEqual([24, 24]);
      expect(sumsToOne(head.data, 24)).toBe(true);
    }
  });

  it("probes the reader's shorter sequence: maps n × n and a likeliest next token per position", async () => {
    const trainer = trainerFor();
    const result = await trainer.probe({ tokens: [0, 1, 2, 0, 1] });
    expect(result.tokens).toEqual([0, 1, 2, 0, 1]);
    for (const id of ["twoLayer", "oneLayer"] as const) {
      for (const head of (result.attention[id] ?? []).flat()) {
        expect([head.rows, head.cols]).toEqual([5, 5]);
        expect(sumsToOne(head.data, 5)).toBe(true);
      }
      const next = result.next[id] ?? [];
      expect(next).toHaveLength(5);
      for (const { token, probability } of next) {
        expect(Number.isInteger(token) && token >= 0 && token < 16).toBe(true);
        expect(probability).toBeGreaterThanOrEqual(1 / 16 - 1e-6);
        expect(probability).toBeLessThanOrEqual(1);
      }
    }
  });

  it("refuses a probe that is too short, too long or outside the vocabulary, with words", async () => {
    const trainer = trainerFor(SMALL);
    await expect(trainer.probe({ tokens: [3] })).rejects.toThrow(/2 to 24 tokens, got 1/);
    await expect(trainer.probe({ tokens: Array(25).fill(1) })).rejects.toThrow(/2 to 24 tokens, got 25/);
    await expect(trainer.probe({ tokens: [1, 16] })).rejects.toThrow(/from 0 to 15, got 16/);
    await expect(trainer.probe({ tokens: [1, 1.5] })).rejects.toThrow(/got 1.5/);
  });
});

describe("probe on the hand-set induction circuit", () => {
  it("predicts the token after the earlier occurrence, and only the circuit's model is read", async () => {
    const { shape, params } = inductionCircuit(16, 24);
    const config: TrainingConfig = {
      ...INDUCTION_DEFAULTS,
      options: { ...INDUCTION_DEFAULTS.options, dModel: shape.dModel, heads: 1, dHead: shape.dHead },
    };
    const tensors = (named: NamedArrays): Record<string, Tensor> =>
      Object.fromEntries(Object.entries(named).map(([k, e]) => [k, tf.tensor(e.values, e.shape)]));
    const twoLayer = tensors(params);
    // "h c k b | h c k b": from the second h on, each next token is the one after its first copy.
    const tokens = [7, 2, 10, 1, 7, 2, 10, 1];
    const probe = inductionExperiment.probe;
    if (!probe) throw new Error("the induction experiment has no probe");
    const result = await probe(tf, { twoLayer }, config, { tokens });
    tf.dispose(Object.values(twoLayer));
    expect(result.attention.oneLayer).toBeUndefined();
    const next = result.next.twoLayer ?? [];
    expect(next.slice(4, 7).map((n) => n.token)).toEqual([2, 10, 1]);
    for (const n of next.slice(4, 7)) expect(n.probability).toBeGreaterThan(0.99);
  });
});
