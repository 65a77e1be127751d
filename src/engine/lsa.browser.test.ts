import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { constructionCases, randomLayersCases } from "../../tests/golden/gradientDescent";
import { gradientSteps } from "../core/gradientDescent";
import { constructGdLayer, type LsaParams, lsaForward } from "../core/linearSelfAttention";
import { lineQueries, sampleContext } from "../state/regressionTasks";
import { createEngine } from "./engine";
import { maxAbsDiff } from "./fixtures";
import type { BackendName, Engine } from "./types";

const TOLERANCE: Record<BackendName, number> = { webgpu: 1e-3, webgl: 1e-3, wasm: 1e-5, cpu: 1e-5 };

const CASES: LsaParams[] = [
  ...constructionCases.map((c) => ({
    context: { xs: c.xs, ys: c.ys },
    queries: c.queries,
    layers: Array.from({ length: c.lsaPredictions.length }, () => c.layers[0]),
  })),
  ...randomLayersCases.map((c) => ({
    context: { xs: c.xs, ys: c.ys },
    queries: c.queries,
    layers: c.layers,
  })),
];

/** The worst difference from core over every case: predictions and fast weights of every layer, tokens. */
async function worstAgainstCore(engine: Engine): Promise<number> {
  let worst = 0;
  for (const p of CASES) {
    const actual = await engine.lsa(p);
    const expected = lsaForward(p);
    expected.predictions.forEach((m, l) => {
      worst = Math.max(worst, maxAbsDiff(actual.predictions[l], m));
      worst = Math.max(worst, maxAbsDiff(actual.fastWeights[l], expected.fastWeights[l]));
    });
    worst = Math.max(worst, maxAbsDiff(actual.tokens, expected.tokens));
  }
  return worst;
}

describe("linear self-attention in headless Chromium", () => {
  for (const name of ["webgpu", "webgl", "wasm", "cpu"] as const) {
    it(`${name}: every layer matches core within ${TOLERANCE[name]}`, async () => {
      const engine = createEngine({ forced: name });
      await engine.setBackend(name);
      expect(tf.getBackend()).toBe(name);
      const worst = await worstAgainstCore(engine);
      console.log(`lsa on ${name}: worst |tfjs − core| = ${worst.toExponential(2)}`);
      expect(worst).toBeLessThanOrEqual(TOLERANCE[name]);
    });
  }

  it("webgpu: the figure's 8 layers stay within 1e-3 of 8 gradient steps", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const context = sampleContext(11, 1, 20);
    const queries = lineQueries();
    const layer = constructGdLayer(1, 1, 1, 20);
    const lsa = await engine.lsa({ context, queries, layers: Array.from({ length: 8 }, () => layer) });
    const gd = gradientSteps(context, queries, 1, 8);
    gd.predictions.forEach((expected, k) => {
      expect(maxAbsDiff(lsa.predictions[k], expected)).toBeLessThanOrEqual(1e-3);
    });
  });

  // SwiftShader runs each of a layer's ~13 kernels in software: one layer keeps 200 calls affordable.
  it("webgpu: numTensors is back at its baseline after 200 calls", { timeout: 300_000 }, async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const context = sampleContext(5, 1, 6);
    const p = { context, queries: lineQueries(), layers: [constructGdLayer(1, 1, 0.5, 6)] };
    await engine.lsa(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.lsa(p);
    expect(tf.getBackend()).toBe("webgpu");
    expect(await engine.numTensors()).toBe(baseline);
  });
});
