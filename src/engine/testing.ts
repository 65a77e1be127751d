import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { expect } from "vitest";
import { attention } from "../core/attention";
import { type MatrixView, poolMatrix } from "../core/pooledAttention";
import { maxAbsDiff } from "./fixtures";
import { readbackPlan } from "./largeAttentionPlan";
import type { LargeAttentionParams, LargeAttentionResult } from "./largeAttentionTypes";
import { defaultLoader } from "./loadTf";
import type { BackendName, TfLoader } from "./types";

/* Test helpers for large-n attention and routing (node and browser tests only). */

/**
 * For node tests of routing: a loader whose "webgl" and "wasm" are the CPU backend under other
 * names (same kernels) that count the tensors they write, so a test can tell where an update
 * really ran; "cpu" is the plain CPU backend. WebGPU stays unavailable, as in node. tfjs's registry is per process, so
 * the clones are registered once and the counts are shared (compare before and after).
 */
export const cloneWrites: Record<"webgl" | "wasm", number> = { webgl: 0, wasm: 0 };
const registered = new Set<BackendName>();

function counting(name: "webgl" | "wasm") {
  return class extends MathBackendCPU {
    override write(...args: Parameters<MathBackendCPU["write"]>) {
      cloneWrites[name] += 1;
      return super.write(...args);
    }
  };
}

export const cpuCloneLoader: TfLoader = {
  core: defaultLoader.core,
  async backend(name) {
    if (name === "webgpu") throw new Error("no WebGPU in node");
    await defaultLoader.backend("cpu");
    if (name === "cpu" || registered.has(name)) return;
    registered.add(name);
    for (const kernel of tf.getKernelsForBackend("cpu")) tf.registerKernel({ ...kernel, backendName: name });
    const Backend = counting(name);
    tf.registerBackend(name, () => new Backend(), 1);
  },
};

/**
 * A large-n result against core's attention pooled by core's poolMatrix (at the view the readback
 * plan pooled at), within `tol`: both images and their edges, the score range, the row, and `out`.
 */
export function expectLargeMatchesCore(
  got: LargeAttentionResult,
  p: LargeAttentionParams,
  tol: number,
): void {
  const full = attention(p.attention);
  const n = p.attention.x.rows;
  const pooled = readbackPlan(n, p.attention.wv.cols, p.view, p.row).view;
  for (const name of ["scores", "weights"] as const) {
    const expected = poolMatrix(full[name], pooled);
    expect(got[name].rowEdges, name).toEqual(expected.rowEdges);
    expect(got[name].colEdges, name).toEqual(expected.colEdges);
    expect(maxAbsDiff(got[name].image, expected.image), name).toBeLessThanOrEqual(tol);
  }
  const finite = full.scores.data.filter(Number.isFinite);
  expect(got.scoreRange[0]).toBeCloseTo(Math.min(...finite), 3);
  expect(got.scoreRange[1]).toBeCloseTo(Math.max(...finite), 3);
  if (p.row === null) expect(got.rowWeights).toBeNull();
  else {
    const row = { rows: 1, cols: n, data: full.weights.data.subarray(p.row * n, (p.row + 1) * n) };
    expect(maxAbsDiff(got.rowWeights ?? row, row)).toBeLessThanOrEqual(tol);
    expect(got.rowWeights).not.toBeNull();
  }
  if (got.out) expect(maxAbsDiff(got.out, full.out)).toBeLessThanOrEqual(tol);
}

/** The whole n × n matrix at `maxPixels` a side, or the block `zoom` names. */
export const view = (
  n: number,
  maxPixels: number,
  pooling: "max" | "mean",
  zoom?: Partial<MatrixView>,
): MatrixView => ({
  rowStart: 0,
  colStart: 0,
  rows: n,
  cols: n,
  maxPixels,
  pooling,
  ...zoom,
});
