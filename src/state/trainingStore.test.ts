import { describe, expect, it } from "vitest";
import { BACKEND, points, scriptedDriver, withCheckpoint } from "../../tests/support/scriptedTrainingDriver";
import { createTrainingStore, MAX_TRAINING_SEED } from "./trainingStore";

describe("training store", () => {
  it("starts loading with nothing to show, and starts its driver once", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver, { totalSteps: 2000 });
    expect(store.getState()).toMatchObject({
      experiment: "gd",
      status: "loading",
      source: "none",
      step: 0,
      totalSteps: 2000,
      history: [],
      snapshot: null,
      seed: 1,
      message: null,
    });
    store.getState().start();
    store.getState().start();
    expect(driver.commands).toEqual(["start"]);
  });

  it("shows the checkpoint at once: its curve, metrics, snapshot, step; idle; the backend", () => {
    const { store } = withCheckpoint();
    expect(store.getState()).toMatchObject({
      status: "idle",
      source: "checkpoint",
      step: 2000,
      totalSteps: 2000,
      history: points(0, 5),
      metrics: { lsa: 0.42 },
      snapshot: { label: "checkpoint" },
      backend: BACKEND,
      parameterCounts: { lsa: 484 },
    });
  });

  it("train from the checkpoint starts again from the seed: reset, then run", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    expect(driver.commands).toEqual(["reset 3", "run"]);
    expect(store.getState().status).toBe("training");
    // The reset's event clears the curve but keeps the status: a run was asked for.
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    expect(store.getState()).toMatchObject({ status: "training", step: 0, history: [], metrics: null });
    driver.emit({ type: "progress", step: 10, points: points(0, 10), stepsPerSecond: 20 });
    driver.emit({
      type: "progress",
      step: 20,
      points: points(10, 10),
      stepsPerSecond: 25,
      snapshot: { label: "s20" },
    });
    const state = store.getState();
    expect(state.history.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(state).toMatchObject({ source: "live", step: 20, stepsPerSecond: 25, snapshot: { label: "s20" } });
    // (2000 − 20) steps at 25 per second.
    expect(state.secondsLeft).toBeCloseTo(79.2, 6);
  });

  it("pause and resume: the status answers at once, the driver's events confirm", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    driver.emit({ type: "progress", step: 5, points: points(0, 5), stepsPerSecond: 10 });
    driver.commands.length = 0;
    store.getState().pause();
    expect(store.getState()).toMatchObject({ status: "paused", secondsLeft: null });
    // The steps that finished before the pause still land on the curve.
    driver.emit({ type: "progress", step: 6, points: points(5, 1), stepsPerSecond: 10 });
    driver.emit({ type: "paused", step: 6 });
    expect(store.getState()).toMatchObject({ status: "paused", step: 6, secondsLeft: null });
    expect(store.getState().history).toHaveLength(6);
    store.getState().pause();
    store.getState().resume();
    expect(store.getState().status).toBe("training");
    store.getState().train(); // already training: nothing more
    expect(driver.commands).toEqual(["pause", "run"]);
  });

  it("train while paused resumes, without a reset", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    store.getState().pause();
    driver.commands.length = 0;
    store.getState().train();
    expect(driver.commands).toEqual(["run"]);
  });

  it("finished: metrics and snapshot of the end; train again starts from the seed", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    driver.emit({ type: "progress", step: 2000, points: points(0, 2000), stepsPerSecond: 100 });
    driver.emit({ type: "finished", step: 2000, metrics: { lsa: 0.4 }, snapshot: { label: "end" } });
    expect(store.getState()).toMatchObject({
      status: "finished",
      source: "live",
      metrics: { lsa: 0.4 },
      snapshot: { label: "end" },
      secondsLeft: null,
    });
    driver.commands.length = 0;
    store.getState().train();
    expect(driver.commands).toEqual(["reset 3", "run"]);
  });

  it("a failed checkpoint shows its message; the fresh start that follows can be trained", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver);
    store.getState().start();
    driver.emit({ type: "ready", backend: BACKEND, parameterCounts: { lsa: 484 }, totalSteps: 1500 });
    driver.emit({ type: "checkpointFailed", message: "The checkpoint file is truncated." });
    // The run's length comes from the trainer, so the progress bar has its 100 % without a checkpoint.
    expect(store.getState()).toMatchObject({
      status: "loading",
      totalSteps: 1500,
      message: "The checkpoint file is truncated.",
    });
    driver.emit({ type: "reset", seed: 1, snapshot: { label: "fresh" } });
    expect(store.getState()).toMatchObject({
      status: "idle",
      source: "none",
      snapshot: { label: "fresh" },
      message: "The checkpoint file is truncated.",
    });
    // The driver holds fresh parameters of this seed already: train just runs.
    store.getState().train();
    expect(driver.commands).toEqual(["start", "run"]);
    expect(store.getState()).toMatchObject({ status: "training", message: null });
  });

  it("a failed step: error status and the driver's message; train starts again from the seed", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    driver.emit({ type: "progress", step: 3, points: points(0, 3), stepsPerSecond: 10 });
    driver.emit({ type: "error", message: "Training stopped at step 3: the loss is NaN." });
    expect(store.getState()).toMatchObject({
      status: "error",
      message: "Training stopped at step 3: the loss is NaN.",
    });
    driver.commands.length = 0;
    store.getState().train();
    expect(driver.commands).toEqual(["reset 3", "run"]);
  });

  it("train and reset do nothing before the driver is ready (no backend yet)", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver);
    store.getState().start();
    driver.emit({ type: "error", message: "Training could not start: no backend" });
    store.getState().train();
    store.getState().reset();
    expect(driver.commands).toEqual(["start"]);
    expect(store.getState().status).toBe("error");
  });

  it("reset goes back to fresh parameters of the current seed", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    driver.emit({ type: "progress", step: 50, points: points(0, 50), stepsPerSecond: 10 });
    driver.commands.length = 0;
    store.getState().reset();
    expect(driver.commands).toEqual(["reset 3"]);
    expect(store.getState().status).toBe("idle");
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh again" } });
    expect(store.getState()).toMatchObject({
      status: "idle",
      step: 0,
      history: [],
      snapshot: { label: "fresh again" },
    });
  });

  it("setSeed validates; a good seed restarts a live run, and is kept for Train when the checkpoint shows", () => {
    const { driver, store } = withCheckpoint();
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_TRAINING_SEED + 1]) {
      store.getState().setSeed(bad);
      expect(store.getState().seed).toBe(3);
      expect(store.getState().message).toBe(
        `The seed must be a whole number from 0 to ${MAX_TRAINING_SEED}.`,
      );
    }
    store.getState().setSeed(MAX_TRAINING_SEED);
    expect(store.getState()).toMatchObject({ seed: MAX_TRAINING_SEED, message: null, source: "checkpoint" });
    expect(driver.commands).toEqual([]);
    store.getState().train();
    expect(driver.commands).toEqual([`reset ${MAX_TRAINING_SEED}`, "run"]);
    driver.emit({ type: "reset", seed: MAX_TRAINING_SEED, snapshot: { label: "fresh" } });
    driver.emit({ type: "progress", step: 4, points: points(0, 4), stepsPerSecond: 10 });
    driver.commands.length = 0;
    store.getState().setSeed(0);
    expect(driver.commands).toEqual(["reset 0"]);
    expect(store.getState()).toMatchObject({ seed: 0, status: "idle" });
  });

  it("an invalid seed option falls back to 1 and says so", () => {
    const store = createTrainingStore("gd", scriptedDriver(), { seed: -4 });
    expect(store.getState()).toMatchObject({ seed: 1, message: expect.stringMatching(/whole number/) });
  });

  it("setRate validates and reaches the driver (after start)", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver);
    store.getState().setRate(20);
    expect(store.getState().rateLimit).toBe(20);
    expect(driver.commands).toEqual([]);
    store.getState().start();
    expect(driver.commands).toEqual(["start", "setRate 20"]);
    store.getState().setRate(0);
    store.getState().setRate(Number.NaN);
    expect(store.getState().rateLimit).toBe(20);
    expect(store.getState().message).toMatch(/positive number/);
    store.getState().setRate(null);
    expect(store.getState()).toMatchObject({ rateLimit: null, message: null });
    expect(driver.commands).toEqual(["start", "setRate 20", "setRate null"]);
  });

  it("setBackend passes the choice on and the new backend arrives with ready", () => {
    const { driver, store } = withCheckpoint();
    store.getState().setBackend("webgpu");
    store.getState().setBackend("metal" as never);
    expect(driver.commands).toEqual(["setBackend webgpu"]);
    expect(store.getState().message).toMatch(/no backend called "metal"/);
    const webgpu = {
      name: "webgpu" as const,
      adapter: "SwiftShader (software)",
      reason: "forced: WebGPU requested",
    };
    driver.emit({ type: "ready", backend: webgpu, parameterCounts: { lsa: 484 }, totalSteps: 2000 });
    expect(store.getState()).toMatchObject({ backend: webgpu, status: "idle", source: "checkpoint" });
  });

  it("loadCheckpoint while training: the driver pauses, then shows the checkpoint again", () => {
    const { driver, store } = withCheckpoint();
    store.getState().train();
    driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
    driver.emit({ type: "progress", step: 5, points: points(0, 5), stepsPerSecond: 10 });
    driver.commands.length = 0;
    store.getState().loadCheckpoint();
    expect(driver.commands).toEqual(["loadCheckpoint"]);
    driver.emit({ type: "paused", step: 5 });
    driver.emit({
      type: "checkpoint",
      step: 2000,
      totalSteps: 2000,
      seed: 1,
      history: points(0, 5),
      metrics: { lsa: 0.42 },
      snapshot: { label: "checkpoint" },
    });
    expect(store.getState()).toMatchObject({
      status: "idle",
      source: "checkpoint",
      step: 2000,
      metrics: { lsa: 0.42 },
    });
  });

  it("probe goes to the driver; dispose stops listening and disposes the driver", async () => {
    const { driver, store } = withCheckpoint();
    await expect(store.getState().probe({ tokens: [1, 2] })).resolves.toEqual({ echoed: [1, 2] });
    expect(driver.listeners()).toBe(1);
    store.getState().dispose();
    expect(driver.listeners()).toBe(0);
    expect(driver.commands).toEqual(["dispose"]);
  });

  it("two stores on two drivers stay independent", () => {
    const a = withCheckpoint();
    const b = withCheckpoint();
    a.store.getState().train();
    a.driver.emit({ type: "reset", seed: 3, snapshot: { label: "a" } });
    expect(b.store.getState()).toMatchObject({
      status: "idle",
      source: "checkpoint",
      snapshot: { label: "checkpoint" },
    });
    expect(b.driver.commands).toEqual([]);
  });
});
