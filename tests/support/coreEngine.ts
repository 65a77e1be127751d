import { attention } from "../../src/core/attention";
import { linearAttention } from "../../src/core/fastWeights";
import { lsaForward } from "../../src/core/gradientDescent";
import { hopfieldRetrieve } from "../../src/core/hopfield";
import { matrix } from "../../src/core/matrix";
import { mlp } from "../../src/core/mlp";
import { checkView, poolMatrix } from "../../src/core/pooledAttention";
import type { AttentionWork, BackendInfo, BackendName, Engine } from "../../src/engine";
import { readbackPlan } from "../../src/engine/largeAttentionPlan";

/**
 * An Engine that computes with the reference maths in src/core, for component tests under
 * jsdom (no WebGPU or WebGL there). It keeps the real engine's asynchrony: results land on a
 * later microtask, so tests must wait for them as the widget does.
 */
export function createCoreEngine(): Engine & { calls: number } {
  const info: BackendInfo = {
    name: "cpu",
    adapter: "src/core reference",
    software: false,
    reason: "test: computed by src/core",
    forced: false,
  };
  const listeners = new Set<(info: BackendInfo) => void>();
  const engine = {
    calls: 0,
    start: async () => info,
    info: () => info,
    setBackend: async () => info,
    async attention(p: Parameters<Engine["attention"]>[0]) {
      engine.calls += 1;
      await Promise.resolve();
      return { ...attention(p), ms: 0.1 };
    },
    async mlp(p: Parameters<Engine["mlp"]>[0]) {
      await Promise.resolve();
      return { ...mlp(p), ms: 0.1 };
    },
    async linearAttention(p: Parameters<Engine["linearAttention"]>[0]) {
      await Promise.resolve();
      return { ...linearAttention(p), ms: 0.1 };
    },
    async lsa(p: Parameters<Engine["lsa"]>[0]) {
      await Promise.resolve();
      return { ...lsaForward(p), ms: 0.1 };
    },
    async hopfield(p: Parameters<Engine["hopfield"]>[0]) {
      await Promise.resolve();
      return { ...hopfieldRetrieve(p), ms: 0.1 };
    },
    async largeAttention(p: Parameters<Engine["largeAttention"]>[0]) {
      await Promise.resolve();
      const full = attention(p.attention);
      const n = full.weights.rows;
      // Pooled and read back as the real engine does: coarser than maxPixels when 1 MiB requires it.
      checkView(p.view, n, n);
      const plan = readbackPlan(n, full.v.cols, p.view, p.row);
      let low = Number.POSITIVE_INFINITY;
      let high = Number.NEGATIVE_INFINITY;
      for (const score of full.scores.data) {
        if (!Number.isFinite(score)) continue;
        low = Math.min(low, score);
        high = Math.max(high, score);
      }
      return {
        n,
        scores: poolMatrix(full.scores, plan.view),
        weights: poolMatrix(full.weights, plan.view),
        scoreRange: [low, high] as const,
        rowWeights:
          p.row === null ? null : matrix(1, n, full.weights.data.subarray(p.row * n, (p.row + 1) * n)),
        out: plan.includeOut ? full.out : null,
        bytesRead: 4 * plan.floats,
        backend: "cpu" as const,
        reason: "test: computed by src/core",
        ms: 0.1,
      };
    },
    async measureAttention(backend: BackendName, work: AttentionWork, repeats = 3) {
      const x = matrix(work.n, work.dModel);
      const w = matrix(work.dModel, work.dK);
      const times: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const began = performance.now();
        attention({ x, wq: w, wk: w, wv: w });
        times.push(performance.now() - began);
      }
      times.sort((a, b) => a - b);
      return { backend, work, ms: times[Math.floor(times.length / 2)] };
    },
    available: async (): Promise<BackendName[]> => ["cpu"],
    limits: () => ({ webgpu: 4096, webgl: 4096, wasm: 4096, cpu: 4096 }),
    memory: async () => ({ numTensors: 0, numBytes: 0 }),
    numTensors: async () => 0,
    subscribe(listener: (info: BackendInfo) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    simulateDeviceLoss: async () => info,
  };
  return engine;
}
