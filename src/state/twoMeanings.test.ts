import { describe, expect, it } from "vitest";
import { fromRows, identity } from "../core/matrix";
import { sampleInputs } from "./twoMeaningsSamples";
import { maxParameterDifference, meanWeightDifference } from "./twoMeaningsStats";
import { createTwoMeaningsStore, MAX_INPUTS } from "./twoMeaningsStore";

describe("sampleInputs", () => {
  it("is deterministic for a seed, differs across seeds, and keeps input k when K grows", () => {
    const a = sampleInputs(7, 5, 4);
    expect(sampleInputs(7, 5, 4).map((x) => x.tokens)).toEqual(a.map((x) => x.tokens));
    expect(sampleInputs(8, 5, 4).map((x) => x.tokens)).not.toEqual(a.map((x) => x.tokens));
    expect(
      sampleInputs(7, 9, 4)
        .slice(0, 5)
        .map((x) => x.tokens),
    ).toEqual(a.map((x) => x.tokens));
    for (const input of a) {
      expect(input.tokens).toHaveLength(4);
      expect([input.points.rows, input.points.cols]).toEqual([4, 2]);
      for (const word of input.tokens) expect(word).toMatch(/\p{L}/u);
    }
  });
});

describe("two-meanings statistics", () => {
  const i2 = identity(2);
  it("maxParameterDifference is 0 for shared parameters and the largest entry gap otherwise", () => {
    expect(
      maxParameterDifference([
        [i2, i2],
        [i2, i2],
        [i2, i2],
      ]),
    ).toBe(0);
    const nudged = fromRows([
      [1, 0.25],
      [0, 1],
    ]);
    expect(
      maxParameterDifference([
        [i2, i2],
        [i2, nudged],
      ]),
    ).toBe(0.25);
  });

  it("meanWeightDifference averages mean |A_k − A_l| over pairs, null below two inputs", () => {
    const zero = fromRows([
      [0, 0],
      [0, 0],
    ]);
    const ones = fromRows([
      [1, 1],
      [1, 1],
    ]);
    expect(meanWeightDifference([zero])).toBeNull();
    expect(meanWeightDifference([zero, ones])).toBe(1);
    // Pairs: (0,1) → 1, (0,0) → 0, (1,0) → 1: mean 2/3.
    expect(meanWeightDifference([zero, ones, zero])).toBeCloseTo(2 / 3, 15);
  });
});

describe("createTwoMeaningsStore", () => {
  it("validates seed, K and n, and resamples only when they change", () => {
    const store = createTwoMeaningsStore({ seed: Number.NaN, count: 500, tokensPerInput: -3 });
    expect(store.getState().count).toBe(MAX_INPUTS);
    expect(store.getState().tokensPerInput).toBe(2);
    const inputs = store.getState().inputs;
    store.getState().setSeed(Number.POSITIVE_INFINITY);
    store.getState().setCount(Number.NaN);
    expect(store.getState().inputs).toBe(inputs);
    store.getState().setSeed(store.getState().seed + 1);
    expect(store.getState().inputs).not.toBe(inputs);
    expect(store.getState().inputs).toHaveLength(MAX_INPUTS);
  });
});
