import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { type HopfieldResult, hopfieldRetrieve } from "../core/hopfield";
import { createEngine } from "./engine";
import { maxAbsDiff } from "./fixtures";
import { hopfieldCases } from "./hopfieldCases";
import type { BackendName } from "./types";

const TOLERANCE: Record<BackendName, number> = { webgpu: 1e-3, webgl: 1e-3, wasm: 1e-5, cpu: 1e-5 };

/** The largest difference over every state, weight and energy, by name for readable failures. */
function diffs(got: HopfieldResult, want: HopfieldResult): Record<string, number> {
  const out: Record<string, number> = { energies: maxAbsDiff(got.energies, want.energies) };
  out.stepCount =
    got.states.length === want.states.length && got.weights.length === want.weights.length ? 0 : 1;
  want.states.forEach((s, t) => {
    out[`states[${t}]`] = maxAbsDiff(got.states[t], s);
    out[`weights[${t}]`] = maxAbsDiff(got.weights[t], want.weights[t]);
  });
  return out;
}

describe("engine.hopfield in headless Chromium", () => {
  for (const name of ["webgpu", "webgl", "wasm", "cpu"] as const) {
    it(`forced ${name} matches core within ${TOLERANCE[name]} on every case`, async () => {
      const engine = createEngine({ forced: name });
      const info = await engine.start();
      expect(info.name).toBe(name);
      expect(tf.getBackend()).toBe(name);
      for (const { label, p } of hopfieldCases) {
        const bad = Object.entries(diffs(await engine.hopfield(p), hopfieldRetrieve(p))).filter(
          ([, d]) => !(d <= TOLERANCE[name]),
        );
        expect(bad, label).toEqual([]);
      }
    });
  }

  it("numTensors is back at baseline after 200 Hopfield updates on webgpu", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const p = hopfieldCases[5].p;
    await engine.hopfield(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.hopfield({ ...p, beta: 0.05 + i * 0.01 });
    expect(tf.getBackend()).toBe("webgpu");
    expect(await engine.numTensors()).toBe(baseline);
  });

  it("a bad β is rejected before any tensor is made", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const baseline = await engine.numTensors();
    await expect(engine.hopfield({ ...hopfieldCases[0].p, beta: -1 })).rejects.toThrow(/β must be/);
    expect(await engine.numTensors()).toBe(baseline);
  });
});
