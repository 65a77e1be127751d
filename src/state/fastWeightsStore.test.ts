import { describe, expect, it } from "vitest";
import { linearAttention } from "../core/fastWeights";
import { row } from "../core/matrix";
import { CAPACITY_FACTOR, createCapacityStore } from "./capacityStore";
import { MEMORY_DIM, readDifference } from "./fastWeightsProjection";
import { createFastWeightsStore, currentAttention } from "./fastWeightsStore";
import { createOverwriteStore, OVERWRITE_LIMIT } from "./overwriteStore";

describe("createFastWeightsStore", () => {
  it("projects the sentence to 4-D q, k, v and keeps one W_t per token", () => {
    const store = createFastWeightsStore({ initialText: "the cat sat" });
    const s = store.getState();
    expect([s.q.rows, s.q.cols, s.v.cols]).toEqual([3, MEMORY_DIM, MEMORY_DIM]);
    expect(s.memory?.memories).toHaveLength(3);
    expect(s.step).toBe(0);
    // Two instances share the fixed projections but nothing else.
    const other = createFastWeightsStore({ initialText: "the cat sat" });
    expect(Array.from(other.getState().k.data)).toEqual(Array.from(s.k.data));
    other.getState().setStep(2);
    expect(store.getState().step).toBe(0);
  });

  it("clamps the step, keeps it across edits, and stops playing with under two tokens", () => {
    const store = createFastWeightsStore({ initialText: "a b c d" });
    store.getState().setStep(99);
    expect(store.getState().step).toBe(3);
    store.getState().setStep(Number.NaN);
    expect(store.getState().step).toBe(3);
    store.getState().setText("a b");
    expect(store.getState().step).toBe(1);
    store.getState().setPlaying(true);
    expect(store.getState().playing).toBe(true);
    store.getState().setText("a");
    expect(store.getState().playing).toBe(false);
    store.getState().setText("");
    expect(store.getState().memory).toBeNull();
    expect(store.getState().message?.text).toMatch(/outer product/);
  });

  it("recomputes the memory for a new rule, β or feature map, and ignores invalid ones", () => {
    const store = createFastWeightsStore();
    const sum = store.getState().memory;
    store.getState().setRule("delta");
    expect(store.getState().memory).not.toBe(sum);
    store.getState().setBeta(Number.NaN);
    expect(store.getState().beta).toBe(1);
    store.getState().setBeta(7);
    expect(store.getState().beta).toBe(1);
    store.getState().setBeta(0.25);
    expect(store.getState().memory?.written.data[0]).toBeCloseTo(0.25 * store.getState().v.data[0], 12);
    store.getState().setFeatureMap("tanh" as never);
    expect(store.getState().featureMap).toBe("elu1");
  });

  it("a result counts only for the inputs it was computed for", () => {
    const store = createFastWeightsStore();
    const s = store.getState();
    const params = { q: s.q, k: s.k, v: s.v, featureMap: s.featureMap, normalise: s.normalise };
    s.setResult({ params, attention: linearAttention(params) }, 1);
    const attention = currentAttention(store.getState());
    expect(attention).not.toBeNull();
    const memory = store.getState().memory;
    if (!attention || !memory) throw new Error("missing result");
    expect(readDifference(memory, attention, null)).toBeLessThan(1e-12);
    store.getState().setNormalise(true);
    expect(currentAttention(store.getState())).toBeNull();
  });
});

describe("createCapacityStore", () => {
  it("validates its props and keeps N within 1 … 3d", () => {
    const store = createCapacityStore({ seed: Number.NaN, dimension: 5, count: 1e6 });
    const s = store.getState();
    expect(s.dimension).toBe(8);
    expect(s.count).toBe(CAPACITY_FACTOR * 8);
    expect(s.curves.sum).toHaveLength(24);
    store.getState().setCount(-3);
    expect(store.getState().count).toBe(1);
    store.getState().setCount(12);
    store.getState().setDimension(16);
    expect(store.getState().count).toBe(24);
    expect(store.getState().curves.delta).toHaveLength(48);
  });

  it("a new seed or key kind redraws the curves", () => {
    const store = createCapacityStore({ seed: 3 });
    const before = store.getState().curves;
    store.getState().setSeed(4);
    expect(store.getState().curves.sum).not.toEqual(before.sum);
    store.getState().setSeed(-1);
    expect(store.getState().seed).toBe(4);
    const orthogonal = store.getState().curves;
    store.getState().setKeyKind("random");
    expect(store.getState().curves.sum[2]).toBeGreaterThan(orthogonal.sum[2]);
  });
});

describe("createOverwriteStore", () => {
  it("reads e1 back as a + c under the sum rule and c under the delta rule", () => {
    const store = createOverwriteStore();
    const { values, sum, delta } = store.getState();
    expect(row(sum.reads, 2)).toEqual([values.a[0] + values.c[0], values.a[1] + values.c[1]]);
    expect(row(delta.reads, 2)).toEqual([...values.c]);
  });

  it("edits are clamped, NaN ignored, and β blends old and new", () => {
    const store = createOverwriteStore();
    store.getState().setValue("c", 0, 1e9);
    expect(store.getState().values.c[0]).toBe(OVERWRITE_LIMIT);
    expect(store.getState().preset).toBe("custom");
    store.getState().setValue("c", 1, Number.NaN);
    expect(store.getState().values.c[1]).toBe(-1);
    store.getState().applyPreset("distinct");
    store.getState().setBeta(0.5);
    // β = 0.5: W e1 = ½a, then + ½(c − ½a) = ¼a + ½c.
    const { a, c } = store.getState().values;
    expect(row(store.getState().delta.reads, 2)).toEqual([
      0.25 * a[0] + 0.5 * c[0],
      0.25 * a[1] + 0.5 * c[1],
    ]);
  });
});
