import { describe, expect, it } from "vitest";
import { COST_NS, costPlan, createCostStore, matrixBytes, quadraticThrough } from "./largeAttentionCostStore";

describe("attention cost store", () => {
  it("plans each backend up to its cap", () => {
    const plan = costPlan(["webgpu", "cpu"], { webgpu: 4096, cpu: 1024 });
    expect(plan[0]).toEqual({ backend: "webgpu", ns: [...COST_NS], cappedAt: null, limit: 4096 });
    expect(plan[1].ns.at(-1)).toBe(1024);
    expect(plan[1].cappedAt).toBe(2048);
  });

  it("counts progress, gives up a slow series, and keeps results after Stop", () => {
    const store = createCostStore({ d: 16 });
    const plan = costPlan(["webgpu", "cpu"], { webgpu: 4096, cpu: 64 });
    const run = store.getState().begin(plan);
    expect(store.getState().progress).toEqual({ backend: "webgpu", n: 16, done: 0, total: 12 });
    store.getState().record(run, { backend: "webgpu", n: 16, d: 16, ms: 3 });
    store.getState().slow(run, "webgpu", 16);
    expect(store.getState().progress?.done).toBe(9);
    store.getState().measuring(run, "cpu", 16);
    store.getState().record(run, { backend: "cpu", n: 16, d: 16, ms: 0.5 });
    expect(store.getState().progress).toEqual({ backend: "cpu", n: 16, done: 10, total: 12 });
    store.getState().stop();
    expect(store.getState().running).toBe(false);
    expect(store.getState().stopped).toBe(true);
    // The answer that was in flight lands after Stop: dropped.
    store.getState().record(run, { backend: "cpu", n: 32, d: 16, ms: 0.9 });
    expect(store.getState().points).toHaveLength(2);
    // A new run replaces the results.
    const again = store.getState().begin(plan);
    expect(again).toBeGreaterThan(run);
    expect(store.getState().points).toEqual([]);
    expect(store.getState().measuredD).toBe(16);
  });

  it("draws the n² reference through the largest measured point", () => {
    const line = quadraticThrough(
      [
        { backend: "cpu", n: 64, d: 8, ms: 1 },
        { backend: "cpu", n: 256, d: 8, ms: 20 },
      ],
      [64, 128, 256, 512],
    );
    expect(line).toEqual([
      [64, 1.25],
      [128, 5],
      [256, 20],
      [512, 80],
    ]);
    expect(quadraticThrough([])).toEqual([]);
  });

  it("sizes the n × n matrices in float32", () => {
    expect(matrixBytes(4096)).toBe(64 * 1024 * 1024);
    expect(matrixBytes(16)).toBe(1024);
  });
});
