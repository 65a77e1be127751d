import { describe, expect, it } from "vitest";
import { readToWorker } from "./messages";

describe("the worker's message check", () => {
  it("accepts every well-formed command as it is", () => {
    const good = [
      {
        type: "setup",
        experiment: "induction",
        forced: null,
        checkpointUrl: "http://x/checkpoints/induction.json",
        config: { steps: 3 },
      },
      {
        type: "setup",
        experiment: "gd",
        forced: "webgpu",
        checkpointUrl: "/checkpoints/gd.json",
        config: {},
      },
      {
        type: "setup",
        experiment: "mlp",
        forced: "cpu",
        checkpointUrl: "/c.json",
        config: { steps: 40, batchSize: 32, learningRate: 0.01 },
      },
      { type: "start" },
      { type: "run" },
      { type: "pause" },
      { type: "loadCheckpoint" },
      { type: "dispose" },
      { type: "reset", seed: 0 },
      { type: "reset", seed: 2 ** 31 - 1 },
      { type: "setRate", stepsPerSecond: 5 },
      { type: "setRate", stepsPerSecond: null },
      { type: "setBackend", name: "auto" },
      { type: "setBackend", name: "wasm" },
      { type: "probe", id: 3, request: { tokens: [1, 2, 3] } },
    ];
    for (const message of good) expect(readToWorker(message)).toEqual(message);
  });

  it("drops extra fields it does not use", () => {
    expect(readToWorker({ type: "run", seed: 4, evil: "<script>" })).toEqual({ type: "run" });
    expect(
      readToWorker({
        type: "setup",
        experiment: "gd",
        forced: null,
        checkpointUrl: "/c.json",
        config: { seed: 9 },
      }),
    ).toEqual({ type: "setup", experiment: "gd", forced: null, checkpointUrl: "/c.json", config: {} });
  });

  it("ignores anything else", () => {
    const bad: unknown[] = [
      null,
      undefined,
      "run",
      42,
      [],
      ["run"],
      {},
      { type: "train" },
      { type: "RUN" },
      { type: "setup", experiment: "transformer", forced: null, checkpointUrl: "/c.json" },
      { type: "setup", experiment: "gd", forced: "metal", checkpointUrl: "/c.json" },
      { type: "setup", experiment: "gd", forced: null, checkpointUrl: "" },
      { type: "setup", experiment: "gd", checkpointUrl: "/c.json" },
      { type: "setup", experiment: "gd", forced: null, checkpointUrl: "/c.json", config: { steps: 0 } },
      { type: "setup", experiment: "gd", forced: null, checkpointUrl: "/c.json", config: { batchSize: 2.5 } },
      {
        type: "setup",
        experiment: "gd",
        forced: null,
        checkpointUrl: "/c.json",
        config: { learningRate: 5 },
      },
      { type: "setup", experiment: "gd", forced: null, checkpointUrl: "/c.json", config: [] },
      { type: "reset" },
      { type: "reset", seed: -1 },
      { type: "reset", seed: 1.5 },
      { type: "reset", seed: 2 ** 31 },
      { type: "reset", seed: "7" },
      { type: "setRate", stepsPerSecond: 0 },
      { type: "setRate", stepsPerSecond: -5 },
      { type: "setRate", stepsPerSecond: Number.NaN },
      { type: "setRate", stepsPerSecond: Number.POSITIVE_INFINITY },
      { type: "setRate" },
      { type: "setBackend", name: "WebGPU" },
      { type: "setBackend" },
      { type: "probe", id: 1.5, request: {} },
      { type: "probe", id: "1", request: {} },
      { type: "probe", id: 1 },
    ];
    for (const message of bad) expect(readToWorker(message), JSON.stringify(message)).toBeNull();
  });
});
