import { describe, expect, it } from "vitest";
import { matrix } from "../core/matrix";
import { mlp } from "../core/mlp";
import { activePattern, countChangedEntries, countSwitchedGates, mlpChangeCounts } from "./mlpCounters";
import { createMlpStore } from "./mlpStore";
import { createMlpWeights, MLP_HIDDEN } from "./mlpWeights";

describe("createMlpWeights", () => {
  it("draws A [6, 2] and B [2, 6], the same for the same seed and different for another", () => {
    const first = createMlpWeights(7);
    expect([first.a.rows, first.a.cols, first.b.rows, first.b.cols]).toEqual([MLP_HIDDEN, 2, 2, MLP_HIDDEN]);
    expect(createMlpWeights(7)).toEqual(first);
    expect(createMlpWeights(8).a.data).not.toEqual(first.a.data);
  });
});

describe("counters", () => {
  it("count entries that differ, exactly or beyond a tolerance", () => {
    const reference = matrix(2, 2, [1, 2, 3, 4]);
    expect(countChangedEntries(matrix(2, 2, [1, 2, 3, 4]), reference)).toBe(0);
    expect(countChangedEntries(matrix(2, 2, [1, 2 + 1e-12, 3, Number.NaN]), reference)).toBe(2);
    expect(countChangedEntries(matrix(2, 2, [1, 2 + 1e-12, 3, 4]), reference, 1e-6)).toBe(0);
    expect(countChangedEntries(matrix(1, 4, [1, 2, 3, 4]), reference)).toBe(4);
  });

  it("count units that switched on or off, and give the on/off pattern", () => {
    const before = matrix(1, 3, [0.5, -0.5, 0]);
    expect(countSwitchedGates(matrix(1, 3, [0.1, 0.2, -1]), before)).toBe(1);
    expect(Array.from(activePattern(before).data)).toEqual([1, 0, 0]);
  });

  it("compare A and B with their copies at load: an edit in place would be counted", () => {
    const store = createMlpStore({ initialText: "cat" });
    expect(mlpChangeCounts(store.getState()).parameters).toBe(0);
    store.getState().a.data[3] += 1;
    expect(mlpChangeCounts(store.getState()).parameters).toBe(1);
  });
});

describe("createMlpStore", () => {
  const resultFor = (store: ReturnType<typeof createMlpStore>) => {
    const { points, a, b, activation } = store.getState();
    return mlp({ x: points, a, b, activation });
  };

  it("keeps A and B through every action, and counts activations against the baseline", () => {
    const store = createMlpStore({ initialText: "the cat sat", seed: 3 });
    const { a, b } = store.getState();
    store.getState().setResult(resultFor(store), 1);
    store.getState().movePoint(1, [0.9, -0.4]);
    store.getState().setResult(resultFor(store), 1);
    expect(mlpChangeCounts(store.getState()).activations).toBeGreaterThan(0);
    store.getState().setActivation("gelu");
    store.getState().setText("the cat sat on");
    store.getState().resetPoints();
    store.getState().restartCount();
    expect(store.getState().a).toBe(a);
    expect(store.getState().b).toBe(b);
    expect(store.getState().seed).toBe(3);
  });

  it("takes the first result after a change of σ as the new baseline", () => {
    const store = createMlpStore({ initialText: "red green" });
    store.getState().setResult(resultFor(store), 1);
    store.getState().setActivation("tanh");
    expect(store.getState().baseline).toBeNull();
    store.getState().setResult(resultFor(store), 1);
    expect(mlpChangeCounts(store.getState()).activations).toBe(0);
  });

  it("ignores invalid moves and activations, and defaults a bad seed", () => {
    const store = createMlpStore({ initialText: "a b", seed: Number.NaN, activation: "sigmoid" as never });
    const points = store.getState().points;
    store.getState().movePoint(5, [0, 0]);
    store.getState().movePoint(0, [Number.POSITIVE_INFINITY, 0]);
    store.getState().setActivation("swish" as never);
    expect(store.getState().points).toBe(points);
    expect(store.getState().activation).toBe("relu");
    expect(Number.isFinite(store.getState().seed)).toBe(true);
  });
});
