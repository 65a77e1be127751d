import { describe, expect, it } from "vitest";
import { type AttentionParams, attention } from "../core/attention";
import type { MatrixView } from "../core/pooledAttention";
import { createEngine } from "./engine";
import { attentionCase, maxAbsDiff } from "./fixtures";
import { READBACK_BUDGET_BYTES, readbackPlan } from "./largeAttentionPlan";
import type { LargeAttentionParams } from "./largeAttentionTypes";
import { cloneWrites, cpuCloneLoader, expectLargeMatchesCore as expectMatchesCore, view } from "./testing";
import type { BackendName, Engine, EngineOptions } from "./types";

const TOL = 1e-5;

const job = (attentionParams: AttentionParams, v: MatrixView, row: number | null = null) => ({
  attention: attentionParams,
  view: v,
  row,
});

describe("largeAttention on the cpu backend equals core + poolMatrix", () => {
  const engine = createEngine({ forced: "cpu" });
  const cases: [string, LargeAttentionParams][] = [];
  for (const n of [8, 13, 37, 64]) {
    for (const pooling of ["max", "mean"] as const) {
      const causal = attentionCase(n, n, 8, 4, 4, { causal: true });
      cases.push([`n=${n} ${pooling} causal, whole at 5 px, row 0`, job(causal, view(n, 5, pooling), 0)]);
      cases.push([
        `n=${n} ${pooling} whole at n px`,
        job(attentionCase(n + 1, n, 8, 4, 3), view(n, n, pooling)),
      ]);
      const zoom = {
        rowStart: Math.floor(n / 4),
        colStart: Math.floor(n / 3),
        rows: Math.ceil(n / 2),
        cols: Math.ceil(n / 3),
      };
      cases.push([
        `n=${n} ${pooling} causal zoomed across the diagonal`,
        job(causal, view(n, 3, pooling, zoom), n - 1),
      ]);
    }
  }
  const masked = Array.from({ length: 12 }, (_, j) => j % 5 === 0);
  cases.push([
    "masked keys, τ = 0.5, mean",
    job(attentionCase(3, 12, 6, 4, 2, { maskedKeys: masked, temperature: 0.5 }), view(12, 4, "mean"), 5),
  ]);
  cases.push([
    "causal with key 0 masked: row 0 sees nothing, max",
    job(
      attentionCase(4, 10, 4, 4, 4, { causal: true, maskedKeys: [true, ...Array(9).fill(false)] }),
      view(10, 3, "max"),
      0,
    ),
  ]);
  cases.push([
    "unscaled, columns",
    job(attentionCase(5, 9, 4, 4, 4, { scale: false, normalisation: "columns" }), view(9, 4, "mean"), 2),
  ]);
  cases.push([
    "above the diagonal only: every score masked",
    job(
      attentionCase(6, 16, 4, 4, 4, { causal: true }),
      view(16, 2, "mean", { colStart: 8, rows: 8, cols: 8 }),
    ),
  ]);

  for (const [label, p] of cases) {
    it(label, async () => {
      const got = await engine.largeAttention(p);
      expectMatchesCore(got, p, TOL);
      expect(got.backend).toBe("cpu");
      expect(got.reason).toMatch(/^forced: CPU requested/);
    });
  }

  it("masked scores pool to −∞ and their weights to 0", async () => {
    const p = job(
      attentionCase(6, 16, 4, 4, 4, { causal: true }),
      view(16, 2, "max", { colStart: 8, rows: 8, cols: 8 }),
    );
    const got = await engine.largeAttention(p);
    expect(Array.from(got.scores.image.data)).toEqual(Array(4).fill(Number.NEGATIVE_INFINITY));
    expect(Array.from(got.weights.image.data)).toEqual(Array(4).fill(0));
  });

  it("rejects a view outside the matrix and a row that is not a token, with words", async () => {
    const p = attentionCase(7, 8, 4, 4, 4);
    await expect(engine.largeAttention(job(p, view(8, 4, "max", { rows: 9 })))).rejects.toThrow(
      /do not fit in a 8 × 8 matrix/,
    );
    await expect(engine.largeAttention(job(p, view(8, 4, "max"), 8))).rejects.toThrow(
      /row must be a token index 0–7/,
    );
    await expect(engine.largeAttention(job({ ...p, temperature: 0 }, view(8, 4, "max")))).rejects.toThrow(
      RangeError,
    );
  });
});

describe("readback budget", () => {
  it("n = 4096, d_v = 64, 512 px and a row: ≤ 1 MiB, images pooled coarser than asked", () => {
    const plan = readbackPlan(4096, 64, view(4096, 512, "max"), 17);
    expect(plan.includeOut).toBe(false);
    expect(plan.floats * 4).toBeLessThanOrEqual(READBACK_BUDGET_BYTES);
    expect(plan.view.maxPixels).toBeLessThan(512);
    expect(plan.view.maxPixels).toBeGreaterThanOrEqual(300);
  });

  it("a small view is not coarsened, and out is read up to n·d_v = 65 536", () => {
    expect(readbackPlan(256, 64, view(256, 256, "mean"), null)).toMatchObject({
      includeOut: true,
      view: { maxPixels: 256 },
    });
    expect(readbackPlan(1024, 64, view(1024, 64, "mean"), null).includeOut).toBe(true);
    expect(readbackPlan(1025, 64, view(1025, 64, "mean"), null).includeOut).toBe(false);
  });

  it("n = 1024, d = 64 on the cpu: bytesRead ≤ 1 MiB and nothing n × n comes back", async () => {
    const engine = createEngine({ forced: "cpu" });
    const p = job(attentionCase(8, 1024, 64, 64, 64, { causal: true }), view(1024, 512, "mean"), 1000);
    const got = await engine.largeAttention(p);
    const pixels = got.scores.image.rows * got.scores.image.cols;
    expect(got.bytesRead).toBe(4 * (2 * pixels + 2 + 1024 + 1024 * 64));
    expect(got.bytesRead).toBeLessThanOrEqual(READBACK_BUDGET_BYTES);
    expect(pixels).toBeLessThan(1024 * 1024);
    expect(got.out?.rows).toBe(1024);
  }, 60_000);
});

describe("limits", () => {
  it("the CPU takes n up to 1024: above it a RangeError names the cap and who can take it", async () => {
    const engine = createEngine({ forced: "cpu" });
    expect(engine.limits()).toEqual({ webgpu: 4096, webgl: 4096, wasm: 2048, cpu: 1024 });
    const p = job(attentionCase(9, 1025, 2, 2, 2), view(1025, 64, "max"));
    const failure = engine.largeAttention(p);
    await expect(failure).rejects.toThrow(RangeError);
    await expect(failure).rejects.toThrow(
      "The CPU backend takes n up to 1024 here; for n = 1025 use WebGPU, WebGL or WASM.",
    );
    await expect(engine.measureAttention("cpu", { n: 2048, dModel: 8, dK: 8 })).rejects.toThrow(
      /takes n up to 1024/,
    );
  });

  it("n above every backend's limit is refused in words", async () => {
    const engine = createEngine({ forced: "webgpu" });
    const p = job(attentionCase(10, 4097, 1, 1, 1), view(4097, 64, "max"));
    await expect(engine.largeAttention(p)).rejects.toThrow(/takes n from 1 up to 4096 tokens.*got n = 4097/);
  });
});

/** An engine on the CPU clones; the drag loop's auto choice takes the "webgl" clone however loaded the machine is. */
const cloneEngine = (options: EngineOptions) =>
  createEngine({ loader: cpuCloneLoader, frameBudgetMs: 10_000, ...options });

describe("choosing the backend by the work (cpu clones named webgl and wasm)", () => {
  const fakeCosts = (costs: Partial<Record<BackendName, number>>) => {
    const calls: string[] = [];
    const costOf = async (backend: BackendName, work: { n: number }) => {
      calls.push(`${backend}@${work.n}`);
      return costs[backend] ?? Number.NaN;
    };
    return { calls, costOf };
  };

  it("runs each job on the cheapest backend, measured once per size bucket; the drag loop keeps its own", async () => {
    const { calls, costOf } = fakeCosts({ webgl: 50, wasm: 10, cpu: 2300 });
    const engine = cloneEngine({ costOf });
    const drag = await engine.start();
    expect(drag.name).toBe("webgl");
    expect(await engine.available()).toEqual(["webgl", "wasm", "cpu"]);
    const p = job(attentionCase(11, 50, 8, 8, 8, { causal: true }), view(50, 16, "max"), 3);
    const before = { ...cloneWrites };
    const got = await engine.largeAttention(p);
    expect(got.backend).toBe("wasm");
    expect(got.reason).toBe("auto for n = 64, d = 8: WASM 10 ms < WebGL 50 ms < CPU 2\u202f300 ms");
    expect(cloneWrites.wasm).toBeGreaterThan(before.wasm);
    expect(cloneWrites.webgl).toBe(before.webgl);
    expectMatchesCore(got, p, TOL);
    expect(engine.info()?.name).toBe("webgl");
    await engine.largeAttention(job(attentionCase(12, 60, 8, 8, 8), view(60, 8, "mean"), null));
    expect(calls).toEqual(["webgl@64", "wasm@64", "cpu@64"]);
    await engine.largeAttention(job(attentionCase(13, 100, 8, 8, 8), view(100, 8, "mean"), null));
    expect(calls.slice(3)).toEqual(["webgl@128", "wasm@128", "cpu@128"]);
  });

  it("interleaved updates each run on their own backend", async () => {
    const { costOf } = fakeCosts({ webgl: 50, wasm: 10, cpu: 30 });
    const engine = cloneEngine({ costOf });
    await engine.start();
    const small = attentionCase(14, 6, 4, 4, 4);
    const large = job(attentionCase(15, 40, 8, 8, 8), view(40, 8, "max"), 0);
    await engine.attention(small);
    await engine.largeAttention(large);
    // Writes of each alone, then of both at once: each job's writes land on its backend only.
    let before = { ...cloneWrites };
    await engine.attention(small);
    const dragWrites = cloneWrites.webgl - before.webgl;
    before = { ...cloneWrites };
    await engine.largeAttention(large);
    const largeWrites = cloneWrites.wasm - before.wasm;
    before = { ...cloneWrites };
    const both = await Promise.all([
      engine.attention(small),
      engine.largeAttention(large),
      engine.attention(small),
    ]);
    expect(cloneWrites.webgl - before.webgl).toBe(2 * dragWrites);
    expect(cloneWrites.wasm - before.wasm).toBe(largeWrites);
    expect(both[1].backend).toBe("wasm");
    expect(maxAbsDiff(both[0].weights, attention(small).weights)).toBeLessThanOrEqual(TOL);
  });

  it("a forced backend wins over cheaper costs, and nothing is measured", async () => {
    const { calls, costOf } = fakeCosts({ webgl: 50, wasm: 10, cpu: 30 });
    const engine = cloneEngine({ forced: "webgl", costOf });
    const got = await engine.largeAttention(job(attentionCase(16, 32, 4, 4, 4), view(32, 8, "max"), null));
    expect(got.backend).toBe("webgl");
    expect(got.reason).toMatch(/^forced: WebGL requested/);
    expect(calls).toEqual([]);
    await engine.setBackend("auto");
    expect(
      (await engine.largeAttention(job(attentionCase(16, 32, 4, 4, 4), view(32, 8, "max"), null))).backend,
    ).toBe("wasm");
  });

  it("WASM and the CPU, which block the page, are passed over above the frame budget while a GPU can run it", async () => {
    const { costOf } = fakeCosts({ webgl: 50, wasm: 20, cpu: 30 });
    const engine = cloneEngine({ costOf, frameBudgetMs: 16 });
    const got = await engine.largeAttention(job(attentionCase(22, 20, 4, 4, 4), view(20, 8, "max"), null));
    expect(got.backend).toBe("webgl");
    expect(got.reason).toBe(
      "auto for n = 32, d = 4: WebGL 50 ms; WASM 20 ms, CPU 30 ms would block the page (main thread) past the 16 ms frame budget",
    );
    const cheap = cloneEngine({
      costOf: fakeCosts({ webgl: 50, wasm: 12, cpu: 30 }).costOf,
      frameBudgetMs: 16,
    });
    expect(
      (await cheap.largeAttention(job(attentionCase(22, 20, 4, 4, 4), view(20, 8, "max"), null))).backend,
    ).toBe("wasm");
  });

  it("a backend whose limit is below n is not a candidate, and the reason says so", async () => {
    const { calls, costOf } = fakeCosts({ webgl: 50, wasm: 10, cpu: 1 });
    const engine = cloneEngine({ costOf });
    const got = await engine.largeAttention(
      job(attentionCase(17, 1100, 2, 2, 2), view(1100, 8, "max"), null),
    );
    expect(got.backend).toBe("wasm");
    expect(got.reason).toBe("auto for n = 2048, d = 2: WASM 10 ms < WebGL 50 ms; CPU takes n ≤ 1024");
    expect(calls).toEqual(["webgl@2048", "wasm@2048"]);
  }, 30_000);

  it("without injected costs it measures for real, and measureAttention gives a finite median", async () => {
    const engine = cloneEngine({});
    const got = await engine.largeAttention(job(attentionCase(18, 30, 4, 4, 4), view(30, 8, "mean"), null));
    expect(got.reason).toMatch(
      /^auto for n = 32, d = 4: (WebGL|WASM|CPU) [\d.]+ ms < (WebGL|WASM|CPU) [\d.]+ ms < (WebGL|WASM|CPU) [\d.]+ ms$/,
    );
    const sample = await engine.measureAttention("wasm", { n: 64, dModel: 8, dK: 8 }, 3);
    expect(sample).toMatchObject({ backend: "wasm", work: { n: 64, dModel: 8, dK: 8 } });
    expect(Number.isFinite(sample.ms) && sample.ms > 0).toBe(true);
    // At its peak an update holds at least the 64 × 64 float32 scores and weights at once.
    expect(sample.peakBytes).toBeGreaterThanOrEqual(2 * 64 * 64 * 4);
    expect(engine.info()?.name).toBe("webgl");
  });
});

describe("memory", () => {
  async function leakCheck(engine: Engine) {
    const p = job(attentionCase(19, 48, 8, 8, 8, { causal: true }), view(48, 10, "mean"), 7);
    await engine.largeAttention(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.largeAttention(p);
    await expect(engine.largeAttention({ ...p, row: -1 })).rejects.toThrow(RangeError);
    expect(await engine.numTensors()).toBe(baseline);
  }

  it("no tensor leak over 200 large updates (forced cpu)", () => leakCheck(createEngine({ forced: "cpu" })));

  it("no tensor leak over 200 routed updates (auto, cpu clones)", () => {
    const costs: Record<BackendName, number> = { webgpu: 0, webgl: 3, wasm: 1, cpu: 2 };
    return leakCheck(cloneEngine({ costOf: async (backend) => costs[backend] }));
  });

  it("memory() numBytes returns to its baseline when n goes down", async () => {
    const engine = createEngine({ forced: "cpu" });
    const small = job(attentionCase(20, 16, 8, 8, 8), view(16, 16, "max"), 0);
    await engine.largeAttention(small);
    const baseline = await engine.memory();
    await engine.largeAttention(
      job(attentionCase(21, 512, 8, 8, 8, { causal: true }), view(512, 128, "mean"), 0),
    );
    await engine.largeAttention(small);
    expect(await engine.memory()).toEqual(baseline);
  });
});
