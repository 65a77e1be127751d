import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { attention } from "../core/attention";
import { mlp } from "../core/mlp";
import { createEngine } from "./engine";
import { attentionCase, diffsByName, mlpCase } from "./fixtures";
import type { BackendName, Engine } from "./types";

const TOLERANCE: Record<BackendName, number> = { webgpu: 1e-3, webgl: 1e-3, wasm: 1e-5, cpu: 1e-5 };

const CASES = [
  attentionCase(1, 1, 4, 3, 2),
  attentionCase(2, 7, 6, 3, 5, { temperature: 0.5 }),
  attentionCase(3, 12, 8, 4, 4, { causal: true }),
  attentionCase(4, 64, 16, 8, 8, { causal: true, temperature: 2 }),
  attentionCase(10, 8, 4, 2, 3, { normalisation: "columns", causal: true }),
  attentionCase(11, 8, 4, 2, 3, { normalisation: "all", temperature: 0.5 }),
  attentionCase(12, 8, 4, 4, 4, { maskedKeys: [true, false, false, true, false, false, false, false] }),
  // Row 0 has no key left: zeros, never NaN, on every backend.
  attentionCase(13, 5, 4, 4, 4, { causal: true, maskedKeys: [true, false, false, false, false] }),
  attentionCase(14, 6, 8, 8, 4, { scale: false }),
];

/** Every intermediate of attention and the MLP on `engine` equals core's within `tol`. */
async function expectMatchesCore(engine: Engine, tol: number): Promise<void> {
  for (const p of CASES) {
    const diffs = diffsByName(await engine.attention(p), attention(p));
    expect(Object.entries(diffs).filter(([, d]) => !(d <= tol))).toEqual([]);
  }
  for (const activation of ["relu", "tanh", "gelu"] as const) {
    const p = mlpCase(5, 9, 4, 12, 3, activation);
    const diffs = diffsByName(await engine.mlp(p), mlp(p));
    expect(Object.entries(diffs).filter(([, d]) => !(d <= tol))).toEqual([]);
  }
}

describe("engine in headless Chromium", () => {
  it("forced webgpu really runs on webgpu and matches core within 1e-3", async () => {
    const engine = createEngine({ forced: "webgpu" });
    const info = await engine.start();
    expect(tf.getBackend()).toBe("webgpu");
    expect(info).toMatchObject({
      name: "webgpu",
      forced: true,
      software: true,
      adapter: "SwiftShader (software)",
    });
    await expectMatchesCore(engine, TOLERANCE.webgpu);
  });

  for (const name of ["webgpu", "webgl", "wasm", "cpu"] as const) {
    it(`forced ${name} starts and matches core within ${TOLERANCE[name]}`, async () => {
      const engine = createEngine({ forced: name });
      const info = await engine.start();
      expect(info.name).toBe(name);
      expect(tf.getBackend()).toBe(name);
      expect(info.forced).toBe(true);
      await expectMatchesCore(engine, TOLERANCE[name]);
    });
  }

  it("auto does not pick the software WebGPU adapter for the drag loop, and says why", async () => {
    const engine = createEngine();
    const info = await engine.start();
    expect(info.name).not.toBe("webgpu");
    expect(tf.getBackend()).toBe(info.name);
    expect(info.forced).toBe(false);
    expect(info.reason).toMatch(/^auto: WebGPU adapter is software \(SwiftShader\), /);
    expect(info.reason).toMatch(
      new RegExp(`using ${{ webgl: "WebGL", wasm: "WASM", cpu: "CPU" }[info.name as string]}$`),
    );
    console.log("auto choice:", JSON.stringify(info));
  });

  it("setBackend switches live, notifies subscribers, and numbers stay right", async () => {
    const engine = createEngine({ forced: "cpu" });
    await engine.start();
    const seen: BackendName[] = [];
    engine.subscribe((info) => seen.push(info.name));
    const info = await engine.setBackend("wasm");
    expect(info).toMatchObject({ name: "wasm", forced: true });
    expect(info.adapter).toMatch(/^WebAssembly/);
    expect(seen).toEqual(["wasm"]);
    const p = CASES[2];
    const diffs = diffsByName(await engine.attention(p), attention(p));
    expect(Math.max(...Object.values(diffs))).toBeLessThanOrEqual(1e-5);
  });

  it("numTensors is back at baseline after 500 attention updates on webgpu", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const p = attentionCase(6, 8, 4, 4, 4, { causal: true });
    await engine.attention(p);
    const baseline = await engine.numTensors();
    const started = performance.now();
    for (let i = 0; i < 500; i++) await engine.attention(p);
    console.log(`500 webgpu updates: ${((performance.now() - started) / 500).toFixed(1)} ms each`);
    expect(tf.getBackend()).toBe("webgpu");
    expect(await engine.numTensors()).toBe(baseline);
  });

  it("a lost WebGPU device falls back to another backend, and the next attention is correct", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const p = attentionCase(7, 10, 6, 4, 3, { causal: true });
    await engine.attention(p);
    const notified: string[] = [];
    engine.subscribe((info) => notified.push(info.name));
    const info = await engine.simulateDeviceLoss();
    expect(info.name).not.toBe("webgpu");
    expect(tf.getBackend()).toBe(info.name);
    expect(info.reason).toMatch(/^fallback: WebGPU device lost/);
    expect(notified).toEqual([info.name]);
    const diffs = diffsByName(await engine.attention(p), attention(p));
    expect(Math.max(...Object.values(diffs))).toBeLessThanOrEqual(1e-3);
    console.log("after loss:", JSON.stringify(info));
  });

  it("an attention call racing the WebGPU loss still lands on the fallback backend", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    const p = attentionCase(8, 6, 4, 4, 4);
    await engine.attention(p);
    const loss = engine.simulateDeviceLoss();
    const racing = engine.attention(p);
    await loss;
    const diffs = diffsByName(await racing, attention(p));
    expect(Math.max(...Object.values(diffs))).toBeLessThanOrEqual(1e-3);
  });

  it("a lost WebGL context falls back too", async () => {
    const engine = createEngine({ forced: "webgl" });
    await engine.setBackend("webgl");
    const p = attentionCase(9, 5, 4, 4, 4);
    await engine.attention(p);
    const info = await engine.simulateDeviceLoss();
    expect(info.name).not.toBe("webgl");
    expect(info.reason).toMatch(/^fallback: WebGL context lost/);
    const diffs = diffsByName(await engine.attention(p), attention(p));
    expect(Math.max(...Object.values(diffs))).toBeLessThanOrEqual(1e-5);
  });
});
