import { describe, expect, it } from "vitest";
import { attention } from "../core/attention";
import { mlp } from "../core/mlp";
import { createEngine, pageEngine } from "./engine";
import { attentionCase, diffsByName, mlpCase } from "./fixtures";
import { defaultLoader } from "./loadTf";
import type { TfLoader } from "./types";

const TOL = 1e-5;

/** Every named matrix within `tol` of core's. */
function expectAllClose(diffs: Record<string, number>, tol: number): void {
  expect(Object.keys(diffs).length).toBeGreaterThan(0);
  const worst = Object.entries(diffs).filter(([, diff]) => !(diff <= tol));
  expect(worst, `entries off by more than ${tol}`).toEqual([]);
}

describe("engine on the cpu backend (node)", () => {
  const engine = createEngine({ forced: "cpu" });

  it("starts on cpu, forced, described as JavaScript", async () => {
    const info = await engine.start();
    expect(info).toMatchObject({ name: "cpu", adapter: "JavaScript", software: false, forced: true });
    expect(info.reason).toMatch(/forced/);
  });

  const cases = [
    { label: "n=1", p: attentionCase(1, 1, 4, 3, 2) },
    { label: "n=5 square", p: attentionCase(2, 5, 4, 4, 4) },
    { label: "n=7 d_k≠d_v", p: attentionCase(3, 7, 6, 3, 5) },
    { label: "n=8 causal", p: attentionCase(4, 8, 4, 4, 4, { causal: true }) },
    { label: "n=6 τ=0.25", p: attentionCase(5, 6, 4, 2, 3, { temperature: 0.25 }) },
    { label: "n=6 causal τ=3", p: attentionCase(6, 6, 4, 2, 3, { causal: true, temperature: 3 }) },
    { label: "n=64", p: attentionCase(7, 64, 16, 8, 8) },
    { label: "n=64 causal", p: attentionCase(8, 64, 16, 8, 8, { causal: true }) },
    { label: "columns", p: attentionCase(15, 6, 4, 2, 3, { normalisation: "columns" }) },
    {
      label: "columns causal τ=0.5",
      p: attentionCase(16, 6, 4, 2, 3, { normalisation: "columns", causal: true, temperature: 0.5 }),
    },
    { label: "all", p: attentionCase(17, 7, 4, 3, 2, { normalisation: "all" }) },
    {
      label: "all, masked keys",
      p: attentionCase(18, 5, 4, 3, 2, {
        normalisation: "all",
        maskedKeys: [false, true, false, true, false],
      }),
    },
    {
      label: "masked keys",
      p: attentionCase(19, 6, 4, 4, 4, { maskedKeys: [true, false, false, false, false, true] }),
    },
    {
      label: "causal, key 0 masked",
      p: attentionCase(20, 5, 4, 4, 4, { causal: true, maskedKeys: [true, false, false, false, false] }),
    },
    {
      label: "every key masked, columns",
      p: attentionCase(21, 3, 2, 2, 2, { normalisation: "columns", maskedKeys: [true, true, true] }),
    },
    { label: "unscaled", p: attentionCase(22, 6, 8, 8, 4, { scale: false }) },
  ];
  for (const { label, p } of cases) {
    it(`attention equals core within 1e-5: ${label}`, async () => {
      const got = await engine.attention(p);
      expectAllClose(diffsByName(got, attention(p)), TOL);
      expect(got.ms).toBeGreaterThanOrEqual(0);
    });
  }

  it("causal: masked scores are −∞ and their weights exactly 0, rows sum to 1", async () => {
    const n = 6;
    const got = await engine.attention(attentionCase(9, n, 4, 4, 4, { causal: true }));
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const w = got.weights.data[i * n + j];
        sum += w;
        if (j > i) {
          expect(got.scores.data[i * n + j]).toBe(Number.NEGATIVE_INFINITY);
          expect(w).toBe(0);
        } else {
          expect(Number.isFinite(got.scores.data[i * n + j])).toBe(true);
          expect(w).toBeGreaterThan(0);
        }
      }
      expect(sum).toBeCloseTo(1, 5);
    }
  });

  it("a row with every key masked is all zeros, never NaN, in each normalisation", async () => {
    for (const normalisation of ["rows", "columns", "all"] as const) {
      const p = attentionCase(23, 4, 3, 2, 2, {
        causal: true,
        maskedKeys: [true, false, false, false],
        normalisation,
      });
      const got = await engine.attention(p);
      expect(Array.from(got.weights.data.subarray(0, 4))).toEqual([0, 0, 0, 0]);
      expect(Array.from(got.out.data.subarray(0, 2))).toEqual([0, 0]);
      expect(got.weights.data.every(Number.isFinite)).toBe(true);
    }
  });

  it("columns: each column of the weights sums to 1, the rows do not", async () => {
    const n = 6;
    const got = await engine.attention(attentionCase(24, n, 2, 2, 2, { normalisation: "columns" }));
    const rowSums = Array.from({ length: n }, (_, i) =>
      got.weights.data.subarray(i * n, (i + 1) * n).reduce((a, b) => a + b),
    );
    const colSums = Array.from({ length: n }, (_, j) =>
      rowSums.reduce((sum, _, i) => sum + got.weights.data[i * n + j], 0),
    );
    for (const s of colSums) expect(s).toBeCloseTo(1, 5);
    expect(rowSums.some((s) => Math.abs(s - 1) > 1e-2)).toBe(true);
  });

  it("rejects a key mask of the wrong length, like core", async () => {
    await expect(engine.attention(attentionCase(25, 3, 2, 2, 2, { maskedKeys: [true] }))).rejects.toThrow(
      RangeError,
    );
  });

  for (const activation of ["relu", "tanh", "gelu"] as const) {
    it(`mlp ${activation} equals core within 1e-5`, async () => {
      const p = mlpCase(10, 9, 4, 12, 3, activation);
      const got = await engine.mlp(p);
      expectAllClose(diffsByName(got, mlp(p)), TOL);
    });
  }

  it("rejects the same bad inputs as core", async () => {
    const p = attentionCase(11, 3, 4, 2, 2);
    await expect(engine.attention({ ...p, temperature: 0 })).rejects.toThrow(RangeError);
    await expect(engine.attention({ ...p, wk: attentionCase(11, 3, 4, 3, 2).wk })).rejects.toThrow(
      RangeError,
    );
    await expect(
      engine.mlp({ ...mlpCase(1, 2, 3, 4, 2, "relu"), a: mlpCase(1, 2, 5, 4, 2, "relu").a }),
    ).rejects.toThrow(RangeError);
  });

  it("leaves no tensors behind after 200 updates", async () => {
    const p = attentionCase(12, 16, 8, 8, 8, { causal: true });
    const q = mlpCase(13, 16, 8, 16, 8, "gelu");
    await engine.attention(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) {
      await engine.attention(p);
      await engine.mlp(q);
    }
    await expect(engine.attention({ ...p, temperature: -1 })).rejects.toThrow();
    expect(await engine.numTensors()).toBe(baseline);
  });
});

// A loader whose WASM binary cannot load, as on a server without the .wasm files (and in node).
const noWasmLoader: TfLoader = {
  core: defaultLoader.core,
  backend: async (name) => {
    if (name === "wasm") throw new Error("binary unavailable");
    await defaultLoader.backend(name);
  },
};

describe("engine switching", () => {
  it("notifies subscribers, and calls made during a switch wait for it", async () => {
    const engine = createEngine({ forced: "cpu" });
    await engine.start();
    const seen: string[] = [];
    const unsubscribe = engine.subscribe((info) => seen.push(`${info.name}:${info.forced}`));
    const switching = engine.setBackend("cpu");
    const p = attentionCase(14, 4, 3, 3, 3);
    const during = engine.attention(p);
    await switching;
    expectAllClose(diffsByName(await during, attention(p)), TOL);
    unsubscribe();
    await engine.setBackend("cpu");
    expect(seen).toEqual(["cpu:true"]);
  });

  it("auto in node (no GPU, no document) falls through in order and says why", async () => {
    const engine = createEngine({ loader: noWasmLoader });
    const info = await engine.start();
    expect(info).toMatchObject({ name: "cpu", forced: false, software: false });
    expect(info.reason).toBe(
      "auto: WebGPU unavailable, WebGL failed to start (Backend name 'webgl' not found in registry), " +
        "WASM failed to start (binary unavailable), using CPU",
    );
  });

  it("a forced backend that cannot start falls back in order with a reason", async () => {
    const engine = createEngine({ forced: "webgpu", loader: noWasmLoader });
    const info = await engine.start();
    expect(info.forced).toBe(false);
    expect(info.reason).toMatch(/^fallback: requested WebGPU failed to start/);
  });
});

describe("pageEngine", () => {
  it("is one engine per page: later calls get the first one", async () => {
    const first = pageEngine("cpu");
    expect(pageEngine()).toBe(first);
    expect(pageEngine("webgpu")).toBe(first);
  });
});
