import { afterAll, describe, expect, it } from "vitest";
import type { ExperimentId } from "../../core/training";
import { startBackend } from "../backends";
import { defaultLoader, loadTf } from "../loadTf";
import type { BackendName, Tf } from "../types";
import { parseCheckpoint } from "./checkpoint";
import { experimentById } from "./experiments";
import { createTrainer } from "./trainer";
import type { Experiment } from "./types";

/*
 * The pretrained checkpoints, loaded in the browser the way the figures load them (fetched from
 * the site, parsed, put into a trainer) and evaluated again on the experiment's fixed test set:
 * the numbers must be the ones `npm run train:<id>` recorded in Node.
 */

// Recorded on WASM in Node: WASM here computes the same float32 arithmetic; a GPU sums in another order.
const RELATIVE: Partial<Record<BackendName, number>> = { wasm: 1e-4, webgpu: 2e-3 };
const EXPERIMENTS: ExperimentId[] = ["gd", "mlp", "induction"];

let tf: Tf;
afterAll(async () => {
  if (tf && tf.getBackend() !== "wasm") await startBackend(tf, defaultLoader, "wasm");
});

describe("pretrained checkpoints in Chromium", () => {
  for (const backend of ["wasm", "webgpu"] as const) {
    it(`reproduce their recorded evaluation losses on ${backend}`, async () => {
      tf = await loadTf();
      await startBackend(tf, defaultLoader, backend);
      expect(tf.getBackend()).toBe(backend);
      for (const id of EXPERIMENTS) {
        const response = await fetch(`/checkpoints/${id}.json`);
        expect(response.ok, `${id}.json is served`).toBe(true);
        const parsed = parseCheckpoint(await response.text(), id);
        if (!parsed.ok) throw new Error(parsed.message);
        const before = tf.memory().numTensors;
        const trainer = createTrainer(tf, experimentById(id) as Experiment<unknown, unknown, unknown>);
        trainer.load(parsed.checkpoint);
        const metrics = await trainer.evaluate();
        expect(Object.keys(metrics).sort()).toEqual(Object.keys(parsed.checkpoint.metrics).sort());
        expect(Object.keys(metrics).length).toBeGreaterThan(0);
        for (const [model, recorded] of Object.entries(parsed.checkpoint.metrics)) {
          const measured = metrics[model as keyof typeof metrics] as number;
          expect(Math.abs(measured / (recorded as number) - 1), `${id} ${model} on ${backend}`).toBeLessThan(
            RELATIVE[backend] as number,
          );
        }
        trainer.dispose();
        expect(tf.memory().numTensors, `${id}: every tensor freed`).toBe(before);
      }
    }, 180_000);
  }
});
