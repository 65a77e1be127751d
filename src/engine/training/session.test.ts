import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type {
  GdSnapshot,
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
} from "../../core/training";
import { createTrainingStore } from "../../state/trainingStore";
import type * as State from "../../state/trainingTypes";
import type * as Engine from "./protocol";
import { createTrainingDriver, type DriverOf, defaultCheckpointUrl } from "./session";

/* The driver a page gets, in Node (no Worker: the inline host), behind a real store, over real HTTP. */

const checkpoint = readFileSync(resolve(import.meta.dirname, "../../../public/checkpoints/gd.json"), "utf8");
let server: Server;
let origin = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/checkpoints/gd.json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(checkpoint);
    } else if (request.url === "/checkpoints/truncated.json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(checkpoint.slice(0, 1000));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("training session (inline, node)", { timeout: 60_000 }, () => {
  it("the engine's driver types are the state's (each accepts the other)", () => {
    expectTypeOf<Engine.TrainingBackend>().toEqualTypeOf<State.TrainingBackend>();
    expectTypeOf<Engine.TrainingEvent<GdSnapshot>>().toEqualTypeOf<State.TrainingEvent<GdSnapshot>>();
    expectTypeOf<Engine.TrainingDriver<GdSnapshot>>().toExtend<State.TrainingDriver<GdSnapshot>>();
    expectTypeOf<State.TrainingDriver<GdSnapshot>>().toExtend<Engine.TrainingDriver<GdSnapshot>>();
    expectTypeOf<DriverOf<"induction">>().toExtend<
      State.TrainingDriver<InductionSnapshot, InductionProbeRequest, InductionProbeResult>
    >();
  });

  it("the default checkpoint is checkpoints/<id>.json under Vite's base URL", () => {
    expect(import.meta.env.BASE_URL).toBe("/");
    expect(defaultCheckpointUrl("mlp")).toBe("/checkpoints/mlp.json");
  });

  it("a store on the page's driver shows the checkpoint, trains, pauses", async () => {
    const driver = createTrainingDriver("gd", {
      forced: "cpu",
      checkpointUrl: `${origin}/checkpoints/gd.json`,
    });
    const store = createTrainingStore("gd", driver);
    store.getState().start();
    await until(() => store.getState().status !== "loading");
    const file = JSON.parse(checkpoint);
    expect(store.getState()).toMatchObject({
      status: "idle",
      source: "checkpoint",
      step: file.step,
      metrics: file.metrics,
      backend: { name: "cpu" },
      message: null,
    });
    expect(store.getState().history).toHaveLength(file.history.length);
    store.getState().train();
    expect(store.getState().status).toBe("training");
    // Training starts again from the seed: the curve restarts at step 0.
    await until(() => store.getState().source === "live" && store.getState().step >= 10);
    expect(store.getState().history[0].step).toBe(0);
    store.getState().pause();
    await until(() => store.getState().history.length === store.getState().step);
    expect(store.getState().status).toBe("paused");
    store.getState().dispose();
  });

  it("a truncated checkpoint over HTTP: the message shows and Train trains from scratch", async () => {
    const driver = createTrainingDriver("gd", {
      forced: "cpu",
      checkpointUrl: `${origin}/checkpoints/truncated.json`,
    });
    const store = createTrainingStore("gd", driver);
    store.getState().start();
    await until(() => store.getState().status === "idle");
    expect(store.getState()).toMatchObject({
      source: "none",
      step: 0,
      message: expect.stringMatching(/truncated/),
    });
    store.getState().train();
    await until(() => store.getState().step >= 3);
    store.getState().pause();
    store.getState().dispose();
  });

  it("a missing checkpoint names the HTTP status", async () => {
    const driver = createTrainingDriver("gd", {
      forced: "cpu",
      checkpointUrl: `${origin}/checkpoints/nothing.json`,
    });
    const store = createTrainingStore("gd", driver);
    store.getState().start();
    await until(() => store.getState().status === "idle");
    expect(store.getState().message).toMatch(/could not be loaded .*HTTP 404/);
    store.getState().dispose();
  });
});
