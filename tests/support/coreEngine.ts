import { attention } from "../../src/core/attention";
import { linearAttention } from "../../src/core/fastWeights";
import { lsaForward } from "../../src/core/gradientDescent";
import { hopfieldRetrieve } from "../../src/core/hopfield";
import { mlp } from "../../src/core/mlp";
import type { BackendInfo, Engine } from "../../src/engine";

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
