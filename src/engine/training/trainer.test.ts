import { beforeAll, describe, expect, it } from "vitest";
import type { Tf } from "../types";
import { batchSeed, initSeed } from "./batchSeed";
import { gdExperiment } from "./gdExperiment";
import { mlpExperiment } from "./mlpExperiment";
import { gdLayerParameters, setLsa } from "./regressionTesting";
import { cpuTrainingTf } from "./testTf";
import { createTrainer } from "./trainer";
import type { Experiment, GdSnapshot, Trainer, TrainerState } from "./types";

let tf: Tf;
beforeAll(async () => {
  tf = await cpuTrainingTf();
});

// Small batches keep the CPU backend quick; a larger α shows progress within a few dozen steps.
const quick = { batchSize: 64, learningRate: 0.01 };

async function trainSteps<S>(trainer: Trainer<S>, steps: number) {
  const losses = [];
  for (let s = 0; s < steps; s++) losses.push((await trainer.train()).losses);
  return losses;
}

const allFinite = (state: TrainerState) =>
  [state.params, state.adam.m, state.adam.v].every((group) =>
    Object.values(group).every((named) =>
      Object.values(named ?? {}).every((e) => e.values.every(Number.isFinite)),
    ),
  );

describe("createTrainer", () => {
  it("a few dozen steps lower the gd layer's evaluation loss", async () => {
    const trainer = createTrainer(tf, gdExperiment, quick);
    const before = await trainer.evaluate();
    await trainSteps(trainer, 60);
    const after = await trainer.evaluate();
    expect(trainer.step()).toBe(60);
    expect(after.lsa).toBeLessThan(0.9 * (before.lsa as number));
    trainer.dispose();
  });

  it("a few dozen steps lower both losses of the mlp experiment, trained on the same batches", async () => {
    const trainer = createTrainer(tf, mlpExperiment, quick);
    expect(trainer.parameterCounts()).toEqual({ lsa: 484, mlp: 489 });
    const before = await trainer.evaluate();
    const losses = await trainSteps(trainer, 60);
    const after = await trainer.evaluate();
    expect(after.lsa).toBeLessThan(0.9 * (before.lsa as number));
    expect(after.mlp).toBeLessThan(before.mlp as number);
    // The LSA of the mlp experiment is the gd experiment's LSA: same initial weights, same batches.
    const gd = createTrainer(tf, gdExperiment, quick);
    const gdLosses = await trainSteps(gd, 5);
    expect(gdLosses.map((l) => l.lsa)).toEqual(losses.slice(0, 5).map((l) => l.lsa));
    trainer.dispose();
    gd.dispose();
  });

  it("the same seed gives the same losses; another seed gives others", async () => {
    const [a, b, c] = [1, 1, 2].map((seed) => createTrainer(tf, mlpExperiment, { ...quick, seed }));
    const [la, lb, lc] = [await trainSteps(a, 6), await trainSteps(b, 6), await trainSteps(c, 6)];
    expect(la).toEqual(lb);
    expect(lc[0].lsa).not.toBe(la[0].lsa);
    expect(lc[5].mlp).not.toBe(la[5].mlp);
    for (const t of [a, b, c]) t.dispose();
  });

  it("reports each step's index and its losses before the update", async () => {
    const trainer = createTrainer(tf, gdExperiment, quick);
    const first = await trainer.train();
    expect(first.step).toBe(0);
    expect(first.ms).toBeGreaterThan(0);
    // Step 0's loss is the initial layer's loss on batch 0: a second trainer's evaluation of it.
    const fresh = createTrainer(tf, gdExperiment, quick);
    expect(first.losses.lsa).toBe((await fresh.train()).losses.lsa);
    expect((await trainer.train()).step).toBe(1);
    trainer.dispose();
    fresh.dispose();
  });

  it("batches depend only on (seed, step): a run restored at step s continues exactly", async () => {
    const straight = createTrainer(tf, mlpExperiment, quick);
    const straightLosses = await trainSteps(straight, 8);
    const first = createTrainer(tf, mlpExperiment, quick);
    await trainSteps(first, 5);
    const state = await first.exportState();
    expect(state.step).toBe(5);
    const second = createTrainer(tf, mlpExperiment, quick);
    second.restore(state);
    expect(second.step()).toBe(5);
    expect(await second.exportState()).toEqual(state);
    expect(await trainSteps(second, 3)).toEqual(straightLosses.slice(5));
    expect(batchSeed(1, 5)).not.toBe(batchSeed(1, 6));
    expect(batchSeed(1, 5)).not.toBe(batchSeed(2, 5));
    expect(initSeed(1, "lsa")).not.toBe(initSeed(1, "mlp"));
    for (const t of [straight, first, second]) t.dispose();
  });

  it("reset returns to step 0 with fresh weights, from the config's seed or a new one", async () => {
    const trainer = createTrainer(tf, gdExperiment, quick);
    const firstRun = await trainSteps(trainer, 4);
    trainer.reset();
    expect(trainer.step()).toBe(0);
    expect(await trainSteps(trainer, 4)).toEqual(firstRun);
    trainer.reset(7);
    expect(trainer.config.seed).toBe(7);
    const seven = createTrainer(tf, gdExperiment, { ...quick, seed: 7 });
    expect(await trainSteps(trainer, 3)).toEqual(await trainSteps(seven, 3));
    expect(() => trainer.reset(-1)).toThrow(/seed/);
    trainer.dispose();
    seven.dispose();
  });

  it("restore refuses states of the wrong shape or with values that are not finite", async () => {
    const trainer = createTrainer(tf, gdExperiment, quick);
    const state = await trainer.exportState();
    const lsa = state.params.lsa ?? {};
    const wrongShape = {
      ...state,
      params: { lsa: { ...lsa, wq: { shape: [3, 3], values: new Float32Array(9) } } },
    };
    expect(() => trainer.restore(wrongShape)).toThrow(/wq has shape \[3, 3\]/);
    const missing = { ...state, adam: { m: {}, v: state.adam.v } };
    expect(() => trainer.restore(missing)).toThrow(/no Adam's m for lsa/);
    const nan = structuredClone(state);
    const wk = nan.params.lsa?.wk;
    if (wk) wk.values[3] = Number.NaN;
    expect(() => trainer.restore(nan)).toThrow(/not finite/);
    trainer.dispose();
  });

  it("leaks no tensor across 200 steps, evaluations, snapshots and resets; dispose frees everything", async () => {
    const baseline = tf.memory().numTensors;
    const trainer = createTrainer(tf, mlpExperiment, { ...quick, batchSize: 16 });
    await trainer.train();
    const live = tf.memory().numTensors;
    // Parameters and both Adam moments, per parameter of both models: 3 × (4 + 4) variables.
    expect(live - baseline).toBe(24);
    await trainSteps(trainer, 199);
    await trainer.evaluate();
    await trainer.snapshot();
    await trainer.exportState();
    await trainer.exportCheckpoint([], {}, "cpu");
    trainer.reset(3);
    expect(tf.memory().numTensors).toBe(live);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    await expect(trainer.train()).rejects.toThrow(/disposed/);
  });

  it("stops on a NaN or infinite loss with a clear error, keeping the parameters of the step before", async () => {
    // The gd experiment, with a switch that poisons the first target of the next batch.
    const poison: { value: number | null } = { value: null };
    const poisoned: Experiment<GdSnapshot> = {
      ...gdExperiment,
      sampleBatch(rng, config) {
        const batch = gdExperiment.sampleBatch(rng, config);
        if (poison.value !== null) batch.targets.values[0] = poison.value;
        return batch;
      },
    };
    const trainer = createTrainer(tf, poisoned, quick);
    await trainSteps(trainer, 3);
    const before = await trainer.exportState();
    for (const [value, shown] of [
      [Number.NaN, "NaN"],
      [1e30, "Infinity"], // its square overflows float32
    ] as const) {
      poison.value = value;
      await expect(trainer.train()).rejects.toThrow(
        new RegExp(`step 3: the lsa model's loss is ${shown}, so the run has diverged`),
      );
      expect(trainer.step()).toBe(3);
      const after = await trainer.exportState();
      expect(allFinite(after)).toBe(true);
      expect(after).toEqual(before);
    }
    // Nothing was spoiled: with a clean batch the run goes on.
    poison.value = null;
    expect((await trainer.train()).step).toBe(3);
    expect(trainer.step()).toBe(4);
    trainer.dispose();
  });

  it("options.clipNorm clips each model's gradient to that global norm before Adam", async () => {
    // After one step Adam's first moment is (1 − β1)·g, so its norm shows the gradient's.
    const firstMomentNorm = async (clipNorm?: number) => {
      const trainer = createTrainer(tf, gdExperiment, { ...quick, options: clipNorm ? { clipNorm } : {} });
      // Weights large enough that the raw gradient's norm is well above the clip.
      await setLsa(trainer, gdLayerParameters(10, 3));
      await trainer.train();
      const { m } = (await trainer.exportState()).adam;
      trainer.dispose();
      const squares = Object.values(m.lsa ?? {}).flatMap((e) => Array.from(e.values, (v) => v * v));
      return Math.sqrt(squares.reduce((a, b) => a + b, 0));
    };
    const raw = (await firstMomentNorm()) / 0.1;
    expect(raw).toBeGreaterThan(1);
    expect((await firstMomentNorm(0.5)) / 0.1).toBeCloseTo(0.5, 4);
    // A clip above the gradient's norm changes nothing.
    expect((await firstMomentNorm(10 * raw)) / 0.1).toBeCloseTo(raw, 4);
  });

  it("refuses overlapping steps and impossible settings", async () => {
    const trainer = createTrainer(tf, gdExperiment, quick);
    const first = trainer.train();
    await expect(trainer.train()).rejects.toThrow(/still running/);
    await first;
    trainer.dispose();
    expect(() => createTrainer(tf, gdExperiment, { learningRate: Number.NaN })).toThrow(/learning rate/);
    expect(() => createTrainer(tf, gdExperiment, { batchSize: 0 })).toThrow(/batch size/);
    expect(() => createTrainer(tf, gdExperiment, { options: { examples: 0 } })).toThrow(/examples N/);
  });
});
