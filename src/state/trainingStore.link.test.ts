import { describe, expect, it } from "vitest";
import {
  BACKEND,
  points,
  readyWithCheckpoint,
  scriptedDriver,
  withCheckpoint,
} from "../../tests/support/scriptedTrainingDriver";
import { createTrainingStore } from "./trainingStore";

describe("a training store opened from a link", () => {
  const link = { seed: 7, steps: 0, speed: "20", source: "checkpoint" } as const;

  it("starts from the link's seed, run length and speed, sending the speed when the trainer starts", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver, { seed: 3, shared: { ...link, steps: 500 } });
    expect(store.getState()).toMatchObject({
      seed: 7,
      runLength: 500,
      totalSteps: 500,
      rateLimit: 20,
      origin: "checkpoint",
      message: null,
    });
    store.getState().start();
    expect(driver.commands).toEqual(["start", "setRate 20"]);
  });

  it("records what the reader chose to show: Train and Reset a run from scratch, Pretrained the checkpoint", () => {
    const { store } = withCheckpoint();
    expect(store.getState().origin).toBe("checkpoint");
    store.getState().train();
    expect(store.getState().origin).toBe("scratch");
    store.getState().pause();
    store.getState().loadCheckpoint();
    expect(store.getState().origin).toBe("checkpoint");
    store.setState({ status: "idle" });
    store.getState().reset();
    expect(store.getState().origin).toBe("scratch");
  });

  it("trains a linked run from scratch again from its seed once the trainer settles, and says it restarted", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver, { shared: { ...link, source: "scratch" } });
    const notice =
      "This link showed a run trained from scratch with seed 7. A link cannot carry trained weights, so that run starts again here from step 0.";
    expect(store.getState().message).toBe(notice);
    store.getState().start();
    driver.emit({ type: "ready", backend: BACKEND, parameterCounts: { lsa: 484 }, totalSteps: 2000 });
    expect(driver.commands).toEqual(["start", "setRate 20"]);
    // The checkpoint could not be read: the trainer's fresh parameters use its own default seed.
    driver.emit({ type: "checkpointFailed", message: "no checkpoint" });
    driver.emit({ type: "reset", seed: 1, snapshot: { label: "fresh 1" } });
    expect(driver.commands).toEqual(["start", "setRate 20", "reset 7", "run"]);
    expect(store.getState()).toMatchObject({
      status: "training",
      seed: 7,
      origin: "scratch",
      message: notice,
    });
    driver.emit({ type: "reset", seed: 7, snapshot: { label: "fresh 7" } });
    driver.emit({ type: "progress", step: 3, points: points(1, 3), stepsPerSecond: 20 });
    expect(store.getState()).toMatchObject({ status: "training", source: "live", step: 3, seed: 7 });
    // Only once: a later checkpoint the reader asks for stays on screen.
    store.getState().pause();
    store.getState().loadCheckpoint();
    driver.emit({
      type: "checkpoint",
      step: 2000,
      totalSteps: 2000,
      seed: 1,
      history: points(0, 5),
      metrics: { lsa: 0.42 },
      snapshot: { label: "checkpoint" },
    });
    expect(store.getState()).toMatchObject({ status: "idle", source: "checkpoint", origin: "checkpoint" });
    expect(driver.commands.filter((c) => c === "run")).toHaveLength(1);
  });

  it("restarts after the checkpoint loads too", () => {
    const driver = scriptedDriver();
    const store = createTrainingStore("gd", driver, { shared: { ...link, source: "scratch", speed: "max" } });
    store.getState().start();
    readyWithCheckpoint(driver);
    expect(driver.commands).toEqual(["start", "reset 7", "run"]);
    expect(store.getState().status).toBe("training");
  });

  it("keeps the probe text exactly as typed", () => {
    const store = createTrainingStore("induction", scriptedDriver(), {
      shared: { ...link, probe: " a b <i>c</i> 🐈" },
    });
    expect(store.getState().probeText).toBe(" a b <i>c</i> 🐈");
    store.getState().setProbeText("d k f");
    expect(store.getState().probeText).toBe("d k f");
  });
});
