import { describe, expect, it } from "vitest";
import { attention } from "../core/attention";
import { matmul } from "../core/matmul";
import type { Matrix } from "../core/matrix";
import { mlp } from "../core/mlp";
import { weightPresets } from "../core/presets";
import { frozenAttentionOutput, rowDistance } from "./sideBySideCounts";
import {
  createSideBySideStore,
  isSettled,
  outputShift,
  type SideBySideStore,
  sideBySideCounts,
} from "./sideBySideStore";

/** Computes both models for the points on screen with src/core and lands them, as the widget's engine would. */
function land(store: SideBySideStore) {
  const s = store.getState();
  s.setAttentionResult(attention({ x: s.points, wq: s.wq, wk: s.wk, wv: s.wv }), s.points, 0);
  s.setMlpResult(mlp({ x: s.points, a: s.a, b: s.b, activation: s.activation }), s.points, 0);
}

const bytesOf = (m: Matrix) => new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength).slice();

function moveBy(store: SideBySideStore, index: number, dx: number, dy: number) {
  const { points } = store.getState();
  store.getState().movePoint(index, [points.data[index * 2] + dx, points.data[index * 2 + 1] + dy]);
}

describe("side-by-side store", () => {
  it("starts with the 'similar' projections (copied) and counts zero changed parameters", () => {
    const store = createSideBySideStore({ initialText: "the cat sat" });
    const s = store.getState();
    expect(Array.from(s.wq.data)).toEqual(Array.from(weightPresets.similar.wq.data));
    expect(s.wq).not.toBe(weightPresets.similar.wq);
    expect(sideBySideCounts(s)).toEqual({ mlpParameters: 0, attentionParameters: 0, attentionWeights: null });
  });

  it("counts parameters by comparing with the copies taken at load, not by a constant", () => {
    const store = createSideBySideStore({ initialText: "the cat" });
    const s = store.getState();
    s.a.data[0] += 0.5;
    s.b.data[3] -= 0.5;
    s.wk.data[1] = 7;
    expect(sideBySideCounts(s).mlpParameters).toBe(2);
    expect(sideBySideCounts(s).attentionParameters).toBe(1);
  });

  it("dragging token j moves attention's output i but leaves the MLP's output i exactly where it was", () => {
    const store = createSideBySideStore({ initialText: "the cat sat on the mat" });
    land(store);
    store.getState().selectOutput(0);
    moveBy(store, 1, -0.6, -1.2);
    expect(isSettled(store.getState())).toBe(false);
    land(store);
    expect(isSettled(store.getState())).toBe(true);
    const shift = outputShift(store.getState());
    expect(shift?.index).toBe(0);
    expect(shift?.attention).toBeGreaterThan(0.01);
    expect(shift?.mlp).toBe(0);
    expect(sideBySideCounts(store.getState()).attentionWeights).toBeGreaterThan(0);
    // The MLP's own token does move: its output depends on its own input.
    expect(
      rowDistance(store.getState().mlp?.out as Matrix, store.getState().baseline.mlpOut as Matrix, 1),
    ).toBeGreaterThan(0.01);
  });

  it("freeze fixes the mixing matrix; dragging then changes only the values and out = W_frozen·V", () => {
    const store = createSideBySideStore({ initialText: "the cat sat on the mat" });
    land(store);
    store.getState().setFrozen(true);
    const frozen = store.getState().mixing as Matrix;
    const frozenBytes = bytesOf(frozen);
    for (let step = 0; step < 10; step++) {
      moveBy(store, step % 6, 0.1, -0.05);
      land(store);
    }
    const s = store.getState();
    expect(s.mixing).toBe(frozen);
    expect(bytesOf(s.mixing as Matrix)).toEqual(frozenBytes);
    expect(sideBySideCounts(s).attentionWeights).toBe(0);
    // The live softmax did change: the freeze is what holds the mixing matrix still.
    expect(Array.from(s.attention?.weights.data ?? [])).not.toEqual(Array.from(frozen.data));
    expect(Array.from(s.attentionOut?.data ?? [])).toEqual(
      Array.from(matmul(frozen, s.attention?.v as Matrix).data),
    );

    s.setFrozen(false);
    expect(store.getState().mixing).toBe(store.getState().attention?.weights);
    expect(sideBySideCounts(store.getState()).attentionWeights).toBeGreaterThan(0);
  });

  it("a frozen layer applied to the same values reproduces attention's output", () => {
    const store = createSideBySideStore({ initialText: "one two three four" });
    const s = store.getState();
    const live = attention({ x: s.points, wq: s.wq, wk: s.wk, wv: s.wv });
    const frozenOut = frozenAttentionOutput(live.weights, live.v);
    frozenOut.data.forEach((x, k) => {
      expect(x).toBeCloseTo(live.out.data[k], 12);
    });
  });

  it("cannot freeze before a result, and a new sentence unfreezes and restarts the count", () => {
    const store = createSideBySideStore({ initialText: "the cat sat" });
    store.getState().setFrozen(true);
    expect(store.getState().frozen).toBeNull();
    land(store);
    store.getState().setFrozen(true);
    expect(store.getState().frozen).not.toBeNull();
    store.getState().selectOutput(2);
    store.getState().setText("a dog");
    const s = store.getState();
    expect(s.frozen).toBeNull();
    expect(s.baseline.mixing).toBeNull();
    expect(s.selectedOutput).toBe(1);
    expect(outputShift(s)).toEqual({ index: 1, attention: null, mlp: null });
  });

  it("restartCount measures from what is on screen now; selectOutput ignores invalid indices", () => {
    const store = createSideBySideStore({ initialText: "the cat sat" });
    land(store);
    moveBy(store, 2, 0.3, 0.3);
    land(store);
    expect(outputShift(store.getState())?.attention).toBeGreaterThan(0);
    store.getState().restartCount();
    expect(outputShift(store.getState())).toEqual({ index: 0, attention: 0, mlp: 0 });
    expect(sideBySideCounts(store.getState()).attentionWeights).toBe(0);
    store.getState().selectOutput(5);
    store.getState().selectOutput(-1);
    store.getState().selectOutput(Number.NaN);
    expect(store.getState().selectedOutput).toBe(0);
  });

  it("drops a result computed for a different number of tokens", () => {
    const store = createSideBySideStore({ initialText: "the cat sat" });
    const stale = createSideBySideStore({ initialText: "a b" }).getState();
    const s = store.getState();
    s.setAttentionResult(attention({ x: stale.points, wq: s.wq, wk: s.wk, wv: s.wv }), stale.points, 0);
    expect(store.getState().attention).toBeNull();
    expect(store.getState().resultVersion).toBe(0);
  });
});
