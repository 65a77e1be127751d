import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import type { TrainingConfig } from "../../core/training";
import { defaultLoader } from "../loadTf";
import { cloneWrites, cpuCloneLoader } from "../testing";
import type { TfLoader } from "../types";
import { gdExperiment } from "./gdExperiment";
import { createTrainingHost, type TrainingHost } from "./host";
import type { TrainingEvent } from "./protocol";
import type { Experiment, GdSnapshot, HistoryPoint } from "./types";
import { yieldMacrotask } from "./yielding";

/* The host on the CPU backend in Node: the same command handler the worker runs. */

const CHECKPOINT_URL = "checkpoints/gd.json";
const checkpointText = () =>
  readFileSync(resolve(import.meta.dirname, "../../../public/checkpoints/gd.json"), "utf8");
// Small batches keep a step to a few milliseconds; a larger step size makes the loss fall within
// 150 steps (mean of 20 steps: 1.63 at the start, 0.97 after 150 steps at this seed).
const SMALL: Partial<TrainingConfig> = { batchSize: 64, steps: 400, learningRate: 0.01 };

type Event = TrainingEvent<GdSnapshot>;

interface Harness {
  host: TrainingHost<never, never>;
  events: Event[];
  /** When each event arrived (performance.now()). */
  times: number[];
  /** Resolves with the first event from `from` on that `match`es (throws after `ms`). */
  next(match: (event: Event) => boolean, from?: number, ms?: number): Promise<Event>;
  points(): HistoryPoint[];
}

function harness(
  options: {
    experiment?: Experiment<GdSnapshot>;
    text?: string | Error | null;
    config?: Partial<TrainingConfig>;
    loader?: TfLoader;
  } = {},
): Harness {
  const events: Event[] = [];
  const times: number[] = [];
  const { text = null } = options;
  const host = createTrainingHost<GdSnapshot, never, never>({
    experiment: options.experiment ?? gdExperiment,
    loader: options.loader ?? defaultLoader,
    forced: "cpu",
    checkpointUrl: text === null ? null : CHECKPOINT_URL,
    fetchText: async (url) => {
      expect(url).toBe(CHECKPOINT_URL);
      if (text instanceof Error) throw text;
      return text ?? "";
    },
    yieldToThread: yieldMacrotask,
    emit: (event) => {
      events.push(event);
      times.push(performance.now());
    },
    config: options.config ?? SMALL,
  });
  const next = async (match: (event: Event) => boolean, from = 0, ms = 20_000) => {
    const deadline = performance.now() + ms;
    for (;;) {
      const found = events.slice(from).find(match);
      if (found) return found;
      if (performance.now() > deadline)
        throw new Error(`no such event; got ${events.map((e) => e.type).join(", ")}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const points = () => events.flatMap((e) => (e.type === "progress" ? e.points : []));
  return { host, events, times, next, points };
}

const is =
  <T extends Event["type"]>(type: T) =>
  (event: Event): event is Extract<Event, { type: T }> =>
    event.type === type;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const lsaLosses = (points: HistoryPoint[]) => points.map((p) => p.losses.lsa as number);

describe("training host (cpu, node)", { timeout: 60_000 }, () => {
  it("starts on the forced backend and shows the pretrained checkpoint with its curve and metrics", async () => {
    const file = JSON.parse(checkpointText());
    const h = harness({ text: checkpointText() });
    h.host.handle({ type: "start" });
    const ready = await h.next(is("ready"));
    expect(ready).toMatchObject({
      backend: { name: "cpu", adapter: "JavaScript" },
      parameterCounts: { lsa: 484 },
    });
    if (ready.type === "ready") expect(ready.backend.reason).toMatch(/forced: CPU requested/);
    const shown = await h.next(is("checkpoint"));
    if (shown.type !== "checkpoint") throw new Error("unreachable");
    expect(shown.step).toBe(file.step);
    expect(shown.totalSteps).toBe(file.config.steps);
    expect(shown.history).toEqual(file.history);
    expect(shown.metrics).toEqual(file.metrics);
    expect(shown.snapshot.impliedEta).toBeGreaterThan(0);
    expect(h.events.map((e) => e.type)).toEqual(["ready", "checkpoint"]);
    h.host.handle({ type: "dispose" });
  });

  it("a truncated checkpoint says so, shows a fresh start, and training from scratch still works", async () => {
    const text = checkpointText();
    const h = harness({ text: text.slice(0, Math.floor(text.length / 2)) });
    h.host.handle({ type: "start" });
    const failed = await h.next(is("checkpointFailed"));
    expect(failed.type === "checkpointFailed" && failed.message).toMatch(/truncated/);
    const fresh = await h.next(is("reset"));
    expect(fresh).toMatchObject({ type: "reset", seed: 1 });
    h.host.handle({ type: "run" });
    await h.next((e) => e.type === "progress" && e.step >= 5);
    h.host.handle({ type: "pause" });
    await h.next(is("paused"));
    expect(h.points()[0].step).toBe(0);
    h.host.handle({ type: "dispose" });
  });

  it("a checkpoint that cannot be fetched gives a clear message, then a fresh start", async () => {
    const h = harness({ text: new Error("HTTP 404 Not Found") });
    h.host.handle({ type: "start" });
    const failed = await h.next(is("checkpointFailed"));
    expect(failed.type === "checkpointFailed" && failed.message).toBe(
      "The pretrained checkpoint could not be loaded (HTTP 404 Not Found).",
    );
    await h.next(is("reset"));
    h.host.handle({ type: "dispose" });
  });

  it("run sends every step's loss, the loss falls, pause stops steps at once, resume continues", async () => {
    const h = harness();
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    h.host.handle({ type: "run" });
    await h.next((e) => e.type === "progress" && e.step >= 150, 0, 60_000);
    h.host.handle({ type: "pause" });
    const paused = await h.next(is("paused"));
    const pausedAt = h.host.step();
    expect(paused).toEqual({ type: "paused", step: pausedAt });

    // Every step is on the curve, once, in order; progress events carry a measured rate and snapshots.
    const points = h.points();
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: pausedAt }, (_, i) => i));
    const progress = h.events.filter(is("progress"));
    expect(progress.every((e) => e.stepsPerSecond === null || e.stepsPerSecond > 0)).toBe(true);
    expect(progress.some((e) => (e.stepsPerSecond ?? 0) > 0)).toBe(true);
    expect(progress.some((e) => e.snapshot !== undefined)).toBe(true);
    // About 30 progress events a second, not one per 8 ms slice (the last one comes with the pause).
    const arrivals = h.events.flatMap((e, i) => (e.type === "progress" ? [h.times[i]] : [])).slice(0, -1);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30);
    const losses = lsaLosses(points);
    expect(mean(losses.slice(-20))).toBeLessThan(0.8 * mean(losses.slice(0, 20)));

    // Paused: not a single step over the next 300 ms.
    const eventsAtPause = h.events.length;
    await sleep(300);
    expect(h.host.step()).toBe(pausedAt);
    expect(h.events.length).toBe(eventsAtPause);

    h.host.handle({ type: "run" });
    const resumed = await h.next(is("progress"), eventsAtPause);
    expect(resumed.type === "progress" && resumed.points[0].step).toBe(pausedAt);
    h.host.handle({ type: "dispose" });
  }, 90_000);

  it("reset gives step 0 at the new seed; the same seed trains the same losses", async () => {
    const h = harness();
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    const trainSome = async (seed: number) => {
      const from = h.events.length;
      h.host.handle({ type: "reset", seed });
      const fresh = await h.next(is("reset"), from);
      expect(fresh).toMatchObject({ seed });
      expect(h.host.step()).toBe(0);
      h.host.handle({ type: "run" });
      await h.next((e) => e.type === "progress" && e.step >= 8, from);
      h.host.handle({ type: "pause" });
      await h.next(is("paused"), from);
      const points = h.events.slice(from).flatMap((e) => (e.type === "progress" ? e.points : []));
      expect(points[0].step).toBe(0);
      return lsaLosses(points).slice(0, 8);
    };
    const seven = await trainSome(7);
    const eight = await trainSome(8);
    const sevenAgain = await trainSome(7);
    expect(sevenAgain).toEqual(seven);
    expect(eight).not.toEqual(seven);
    h.host.handle({ type: "dispose" });
  });

  it("setRate(5) trains about 5 steps a second and reports it", async () => {
    const h = harness();
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    h.host.handle({ type: "setRate", stepsPerSecond: 5 });
    h.host.handle({ type: "run" });
    const start = performance.now();
    await sleep(2500);
    const steps = h.host.step();
    const seconds = (performance.now() - start) / 1000;
    h.host.handle({ type: "pause" });
    await h.next(is("paused"));
    // The first step starts at once, then one every 200 ms.
    expect(steps).toBeGreaterThanOrEqual(Math.floor(5 * seconds) - 1);
    expect(steps).toBeLessThanOrEqual(Math.ceil(5 * seconds) + 1);
    const measured = h.events.filter(is("progress")).at(-1);
    expect(measured?.type === "progress" && measured.stepsPerSecond).toBeCloseTo(5, 0);
    h.host.handle({ type: "dispose" });
  });

  it("reaches the configured steps: evaluates and finishes", async () => {
    const h = harness({ config: { batchSize: 16, steps: 25 } });
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    h.host.handle({ type: "run" });
    const finished = await h.next(is("finished"));
    if (finished.type !== "finished") throw new Error("unreachable");
    expect(finished.step).toBe(25);
    expect(finished.metrics.lsa).toBeGreaterThan(0);
    expect(h.points()).toHaveLength(25);
    h.host.handle({ type: "dispose" });
  });

  it("a step with a NaN loss stops the loop with a clear error", async () => {
    let calls = 0;
    const poisoned: Experiment<GdSnapshot> = {
      ...gdExperiment,
      sampleBatch(rng, config) {
        const batch = gdExperiment.sampleBatch(rng, config);
        calls += 1;
        if (calls === 4) for (const array of Object.values(batch)) array.values.fill(Number.NaN);
        return batch;
      },
    };
    const h = harness({ experiment: poisoned });
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    h.host.handle({ type: "run" });
    const error = await h.next(is("error"));
    expect(error.type === "error" && error.message).toMatch(/Training stopped at step 3: .*NaN/);
    const count = h.events.length;
    await sleep(200);
    expect(h.host.step()).toBe(3);
    expect(h.events.length).toBe(count);
    expect(h.points().map((p) => p.step)).toEqual([0, 1, 2]);
    h.host.handle({ type: "dispose" });
  });

  it("switching backend carries the run over: the same losses as a run that never switched", async () => {
    const uninterrupted = harness({ loader: cpuCloneLoader });
    uninterrupted.host.handle({ type: "start" });
    await uninterrupted.next(is("reset"));
    uninterrupted.host.handle({ type: "run" });
    await uninterrupted.next((e) => e.type === "progress" && e.step >= 20);
    uninterrupted.host.handle({ type: "dispose" });
    await uninterrupted.host.settled();

    const h = harness({ loader: cpuCloneLoader });
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    h.host.handle({ type: "run" });
    await h.next((e) => e.type === "progress" && e.step >= 8);
    const from = h.events.length;
    h.host.handle({ type: "setBackend", name: "webgl" });
    const ready = await h.next(is("ready"), from);
    expect(ready.type === "ready" && ready.backend.name).toBe("webgl");
    expect(tf.getBackend()).toBe("webgl");
    // It keeps training on the new backend from the step it had reached.
    await h.next((e) => e.type === "progress" && e.step >= 20, from);
    h.host.handle({ type: "dispose" });
    await h.host.settled();
    const steps = h.points().map((p) => p.step);
    expect(steps.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const switched = lsaLosses(h.points()).slice(0, 20);
    const expected = lsaLosses(uninterrupted.points()).slice(0, 20);
    // The clone runs the CPU's kernels, and parameters and Adam's moments cross as float32: exactly equal.
    expect(switched).toEqual(expected);
  });

  it("keeps training on its own backend when something else on the thread switches tfjs (the page's engine)", async () => {
    const h = harness({ loader: cpuCloneLoader });
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    await cpuCloneLoader.backend("webgl");
    await tf.setBackend("webgl");
    const writesBefore = cloneWrites.webgl;
    h.host.handle({ type: "run" });
    await h.next((e) => e.type === "progress" && e.step >= 10);
    h.host.handle({ type: "pause" });
    await h.next(is("paused"));
    expect(cloneWrites.webgl).toBe(writesBefore);
    expect(tf.getBackend()).toBe("cpu");
    h.host.handle({ type: "dispose" });
  });

  it("leaks no tensor over 200 steps, and frees every tensor on dispose", async () => {
    await defaultLoader.backend("cpu");
    await tf.setBackend("cpu");
    const before = tf.memory().numTensors;
    const h = harness({ config: { batchSize: 16, steps: 1000 } });
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    const baseline = tf.memory().numTensors;
    expect(baseline).toBeGreaterThan(before);
    h.host.handle({ type: "run" });
    await h.next((e) => e.type === "progress" && e.step >= 200, 0, 60_000);
    h.host.handle({ type: "pause" });
    await h.next(is("paused"));
    expect(h.host.step()).toBeGreaterThanOrEqual(200);
    expect(tf.memory().numTensors).toBe(baseline);
    h.host.handle({ type: "dispose" });
    await h.host.settled();
    expect(tf.memory().numTensors).toBe(before);
  }, 90_000);

  it("a probe on an experiment without one rejects with the trainer's reason", async () => {
    const h = harness();
    h.host.handle({ type: "start" });
    await h.next(is("reset"));
    await expect(h.host.probe(undefined as never)).rejects.toThrow(/cannot be probed/);
    h.host.handle({ type: "dispose" });
  });
});
