import { describe, expect, it } from "vitest";
import { lsaForward } from "../core/linearSelfAttention";
import { changesSinceBaseline } from "./inContextRegressionStats";
import {
  createInContextRegressionStore,
  type InContextRegressionStore,
  jobOf,
} from "./inContextRegressionStore";
import { MAX_EXAMPLES, MAX_LAYERS, sampleContext, X_LIMIT, Y_LIMIT } from "./regressionTasks";

/** Runs the current job through core's LSA, as the engine would, and stores the result. */
function computeNow(store: InContextRegressionStore) {
  const job = jobOf(store.getState());
  const lsa = lsaForward({
    context: job.context,
    queries: job.queries,
    layers: Array.from({ length: job.layers }, () => job.layer),
  });
  store.getState().setResult(job, lsa, 1);
  return store.getState().result;
}

const column = (values: Float64Array) => Array.from(values);

describe("the in-context regression store", () => {
  it("starts on the line with six seeded examples inside the plot and a 21-point query grid", () => {
    const s = createInContextRegressionStore({ seed: 4 }).getState();
    expect(s.mode).toBe("line");
    expect(s.context.xs.rows).toBe(6);
    expect(s.context.xs.cols).toBe(1);
    for (const x of s.context.xs.data) expect(Math.abs(x)).toBeLessThanOrEqual(X_LIMIT);
    for (const y of s.context.ys.data) expect(Math.abs(y)).toBeLessThanOrEqual(Y_LIMIT);
    expect(column(s.queries.data)[0]).toBe(-1);
    expect(column(s.queries.data)[20]).toBeCloseTo(1, 12);
    expect(s.gd.predictions).toHaveLength(s.layers);
    // The same seed gives the same task.
    expect(column(createInContextRegressionStore({ seed: 4 }).getState().context.ys.data)).toEqual(
      column(s.context.ys.data),
    );
  });

  it("moving an example clamps it to the plot, leaves the others, and updates gradient descent at once", () => {
    const store = createInContextRegressionStore({ seed: 1 });
    const before = store.getState();
    store.getState().moveExample(2, [5, -9]);
    const after = store.getState();
    expect(after.context.xs.data[2]).toBe(X_LIMIT);
    expect(after.context.ys.data[2]).toBe(-Y_LIMIT);
    expect(column(after.context.xs.data).filter((_, i) => i !== 2)).toEqual(
      column(before.context.xs.data).filter((_, i) => i !== 2),
    );
    expect(after.gd.weights[0].data[0]).not.toBe(before.gd.weights[0].data[0]);
    // Bad moves change nothing.
    for (const [index, xy] of [
      [2, [Number.NaN, 0]],
      [2, [0, Number.POSITIVE_INFINITY]],
      [-1, [0, 0]],
      [99, [0, 0]],
      [1.5, [0, 0]],
    ] as const) {
      store.getState().moveExample(index, xy);
      expect(store.getState().context).toBe(after.context);
    }
  });

  it("adds the task's next example and removes the last, within 1..MAX_EXAMPLES, saying why at the limits", () => {
    const store = createInContextRegressionStore({ seed: 8 });
    store.getState().addExample();
    expect(column(store.getState().context.ys.data)).toEqual(column(sampleContext(8, 1, 7).ys.data));
    for (let i = 0; i < 30; i++) store.getState().addExample();
    expect(store.getState().context.xs.rows).toBe(MAX_EXAMPLES);
    expect(store.getState().message?.text).toMatch(/at most 20 examples/);
    for (let i = 0; i < 30; i++) store.getState().removeExample();
    expect(store.getState().context.xs.rows).toBe(1);
    expect(store.getState().message?.text).toMatch(/at least one example/);
    store.getState().setEta(0.5);
    expect(store.getState().message).toBeNull();
  });

  it("d-D mode samples ‖x‖ ≤ 1 inputs in d = 2..10, and switching back keeps the line's drags", () => {
    const store = createInContextRegressionStore({ seed: 2 });
    store.getState().moveExample(0, [0.5, 0.5]);
    store.getState().setMode("space");
    for (const d of [2, 7, 10]) {
      store.getState().setDimension(d);
      const { context, queries } = store.getState();
      expect(context.xs.cols).toBe(d);
      expect(queries.cols).toBe(d);
      for (let i = 0; i < context.xs.rows; i++) {
        const norm = Math.hypot(...context.xs.data.subarray(i * d, (i + 1) * d));
        expect(norm).toBeLessThanOrEqual(1);
        expect(Math.abs(context.ys.data[i])).toBeLessThanOrEqual(Y_LIMIT);
      }
    }
    store.getState().setDimension(99);
    expect(store.getState().dimension).toBe(10);
    store.getState().setDimension(Number.NaN);
    expect(store.getState().dimension).toBe(10);
    store.getState().setMode("line");
    expect(store.getState().context.xs.data[0]).toBe(0.5);
  });

  it("clamps η to the slider's grid and K to 1..8; non-numbers leave them as they are", () => {
    const store = createInContextRegressionStore({ eta: Number.NaN, layers: 99 });
    expect(store.getState().eta).toBe(0.8);
    expect(store.getState().layers).toBe(MAX_LAYERS);
    store.getState().setEta(7);
    expect(store.getState().eta).toBe(1);
    store.getState().setEta(0.333);
    expect(store.getState().eta).toBeCloseTo(0.35, 12);
    store.getState().setEta(Number.NaN);
    expect(store.getState().eta).toBeCloseTo(0.35, 12);
    store.getState().setLayers(0);
    expect(store.getState().layers).toBe(1);
    expect(store.getState().gd.weights).toHaveLength(1);
  });

  it("takes usable examples from props and explains what it left out or moved", () => {
    const some = createInContextRegressionStore({
      examples: [
        [0.5, 1],
        [Number.NaN, 1],
        [3, 0],
      ],
    }).getState();
    expect(column(some.context.xs.data)).toEqual([0.5, 1]);
    expect(some.message?.text).toMatch(/1 not finite numbers, left out; moved into the plot/);

    const none = createInContextRegressionStore({ seed: 5, examples: [[Number.NaN, Number.NaN]] }).getState();
    expect(none.context.xs.rows).toBe(6);
    expect(none.message?.text).toMatch(/No usable examples/);

    const empty = createInContextRegressionStore({ examples: [] }).getState();
    expect(empty.context.xs.rows).toBe(6);
    expect(empty.message?.kind).toBe("warning");

    const many = createInContextRegressionStore({
      examples: Array.from({ length: 30 }, (_, i) => [i / 40, 0] as const),
    }).getState();
    expect(many.context.xs.rows).toBe(MAX_EXAMPLES);
    expect(many.message?.text).toMatch(/first 20 kept/);
  });
});

describe("results and the checks", () => {
  it("K layers agree with K steps; parameters stay put while W_eff follows a moved example", () => {
    const store = createInContextRegressionStore({ seed: 6, layers: 3 });
    const first = computeNow(store);
    expect(first?.maxDifference).toBeLessThan(1e-12);
    expect(first?.layerDifferences).toHaveLength(3);
    store.getState().moveExample(0, [0.9, -1.5]);
    const moved = computeNow(store);
    if (!first || !moved) throw new Error("no result");
    expect(store.getState().baseline).toBe(first);
    // A fresh layer object each job: the check compares copies, not one object with itself.
    expect(moved.job.layer).not.toBe(first.job.layer);
    const changes = changesSinceBaseline(moved, first);
    expect(changes.parameters).toBe(0);
    expect(changes.effective).toBeGreaterThan(0.01);
    // W_eff read from the layers' fast weights is the weight gradient descent reached in K steps.
    expect(moved.effective.data[0]).toBeCloseTo(moved.gd.weights[2].data[0], 12);
  });

  it("a new η, N, K or mode starts a new baseline (the parameters are allowed to differ)", () => {
    const store = createInContextRegressionStore({ seed: 6 });
    const first = computeNow(store);
    store.getState().setEta(0.3);
    const second = computeNow(store);
    expect(store.getState().baseline).toBe(second);
    if (!first || !second) throw new Error("no result");
    expect(changesSinceBaseline(second, first).parameters).toBeGreaterThan(0);
    store.getState().addExample();
    expect(computeNow(store)).toBe(store.getState().baseline);
  });
});
