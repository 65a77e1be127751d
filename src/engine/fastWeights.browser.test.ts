import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { sequenceCases } from "../../tests/golden/fastWeights";
import { maxScaledError } from "../../tests/golden/fixtures";
import { fastWeightMemory } from "../core/fastWeightMemory";
import {
  type FeatureMap,
  type LinearAttentionParams,
  type LinearAttentionResult,
  linearAttention,
} from "../core/fastWeights";
import { createRng } from "../core/rng";
import { createEngine } from "./engine";
import { randomMatrix } from "./fixtures";
import type { BackendName } from "./types";

// |tf − core| / max(1, |core|): absolute for numbers of order 1, relative for sums that grow with n.
const TOLERANCE: Record<BackendName, number> = { webgpu: 1e-3, webgl: 1e-3, wasm: 1e-5, cpu: 1e-5 };

function linearCase(seed: number, n: number, d: number, featureMap: FeatureMap, normalise: boolean) {
  const rng = createRng(seed);
  return {
    q: randomMatrix(rng, n, d),
    k: randomMatrix(rng, n, d),
    v: randomMatrix(rng, n, d),
    featureMap,
    normalise,
  } satisfies LinearAttentionParams;
}

const CASES: LinearAttentionParams[] = [
  ...sequenceCases
    .filter((c) => c.rule === "sum")
    .map((c) => ({ q: c.q, k: c.k, v: c.v, featureMap: c.featureMap, normalise: c.normalise })),
  linearCase(1, 64, 4, "elu1", true),
  linearCase(2, 24, 4, "elu1", false),
  linearCase(3, 12, 8, "identity", false),
  linearCase(4, 9, 4, "identity", true),
];

function worst(got: LinearAttentionResult, expected: LinearAttentionResult): [string, number][] {
  return (Object.keys(expected) as (keyof LinearAttentionResult)[]).map((name) => [
    name,
    maxScaledError(got[name], expected[name]),
  ]);
}

describe("linear attention on every backend in headless Chromium", () => {
  for (const name of ["webgpu", "webgl", "wasm", "cpu"] as const) {
    it(`${name} equals core within ${TOLERANCE[name]}, and the sum-rule fast weights read the same`, async () => {
      const engine = createEngine({ forced: name });
      expect((await engine.start()).name).toBe(name);
      expect(tf.getBackend()).toBe(name);
      for (const p of CASES) {
        const got = await engine.linearAttention(p);
        expect(worst(got, linearAttention(p)).filter(([, d]) => !(d <= TOLERANCE[name]))).toEqual([]);
        // The equivalence the figure shows: tfjs's attention form against core's fast weight reads.
        const reads = fastWeightMemory({ ...p, rule: "sum" }).reads;
        expect(maxScaledError(got.out, reads)).toBeLessThanOrEqual(TOLERANCE[name]);
      }
    });
  }

  it("numTensors is back at baseline after 200 calls on webgpu", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const p = linearCase(5, 16, 4, "elu1", true);
    await engine.linearAttention(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.linearAttention({ ...p, normalise: i % 2 === 0 });
    await expect(engine.linearAttention({ ...p, featureMap: "softmax" as never })).rejects.toThrow(
      RangeError,
    );
    expect(tf.getBackend()).toBe("webgpu");
    expect(await engine.numTensors()).toBe(baseline);
  });
});
