import { describe, expect, it } from "vitest";
import { type RegressionBatch, type RegressionTaskOptions, sampleRegressionBatch } from "./regressionTasks";
import { createRng } from "./rng";

const options: RegressionTaskOptions = { examples: 10, inputDim: 10, inputScale: 1 };

/** Token row i of task t: [x_i (d numbers), y_i]. */
const tokenRow = (b: RegressionBatch, t: number, i: number) => {
  const width = b.inputDim + 1;
  const start = (t * b.examples + i) * width;
  return Array.from(b.contexts.subarray(start, start + width));
};

/** Least squares w [d] for rows x_i·w ≈ y_i, by the normal equations and Gaussian elimination (float64). */
function leastSquares(xs: number[][], ys: number[]): number[] {
  const d = xs[0].length;
  const system = Array.from({ length: d }, (_, r) => {
    const row = Array.from({ length: d + 1 }, () => 0);
    xs.forEach((x, i) => {
      for (let c = 0; c < d; c++) row[c] += x[r] * x[c];
      row[d] += x[r] * ys[i];
    });
    return row;
  });
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(system[r][col]) > Math.abs(system[pivot][col])) pivot = r;
    [system[col], system[pivot]] = [system[pivot], system[col]];
    for (let r = 0; r < d; r++) {
      if (r === col) continue;
      const factor = system[r][col] / system[col][col];
      for (let c = col; c <= d; c++) system[r][c] -= factor * system[col][c];
    }
  }
  return system.map((row, r) => row[d] / row[r]);
}

const meanAndError = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, error: Math.sqrt(variance / values.length) };
};

describe("sampleRegressionBatch", () => {
  it("has the documented shapes", () => {
    const b = sampleRegressionBatch(createRng(1), 7, { examples: 5, inputDim: 3, inputScale: 1 });
    expect([b.batch, b.examples, b.inputDim]).toEqual([7, 5, 3]);
    expect(b.contexts).toBeInstanceOf(Float32Array);
    expect(b.contexts.length).toBe(7 * 5 * 4);
    expect(b.queries.length).toBe(7 * 3);
    expect(b.targets.length).toBe(7);
  });

  it("is deterministic per seed and differs between seeds", () => {
    const a = sampleRegressionBatch(createRng(42), 4, options);
    const again = sampleRegressionBatch(createRng(42), 4, options);
    const other = sampleRegressionBatch(createRng(43), 4, options);
    expect(again).toEqual(a);
    expect(other.contexts).not.toEqual(a.contexts);
  });

  it("follows the documented rng order: w, then the N context inputs, then x_q; y = w·x", () => {
    const small = { examples: 3, inputDim: 2, inputScale: 2 };
    const b = sampleRegressionBatch(createRng(9), 2, small);
    const rng = createRng(9);
    for (let t = 0; t < 2; t++) {
      const w = [rng.normal(), rng.normal()];
      const draw = () => [0, 1].map(() => Math.fround(2 * (2 * rng.next() - 1)));
      for (let i = 0; i < 3; i++) {
        const x = draw();
        expect(tokenRow(b, t, i)).toEqual([x[0], x[1], Math.fround(w[0] * x[0] + w[1] * x[1])]);
      }
      const xq = draw();
      expect(Array.from(b.queries.subarray(2 * t, 2 * t + 2))).toEqual(xq);
      expect(b.targets[t]).toBe(Math.fround(w[0] * xq[0] + w[1] * xq[1]));
    }
  });

  it("gives every task one w: least squares on its context predicts its query exactly", () => {
    const b = sampleRegressionBatch(createRng(5), 20, { examples: 12, inputDim: 4, inputScale: 1.5 });
    for (let t = 0; t < b.batch; t++) {
      const rows = Array.from({ length: b.examples }, (_, i) => tokenRow(b, t, i));
      const w = leastSquares(
        rows.map((r) => r.slice(0, 4)),
        rows.map((r) => r[4]),
      );
      const xq = Array.from(b.queries.subarray(4 * t, 4 * t + 4));
      const predicted = xq.reduce((s, x, c) => s + x * w[c], 0);
      expect(Math.abs(predicted - b.targets[t])).toBeLessThan(1e-5 * Math.max(1, Math.abs(b.targets[t])));
    }
    // The check can fail: the next task's query does not fit this task's w.
    const rows = Array.from({ length: b.examples }, (_, i) => tokenRow(b, 0, i));
    const w0 = leastSquares(
      rows.map((r) => r.slice(0, 4)),
      rows.map((r) => r[4]),
    );
    const xq1 = Array.from(b.queries.subarray(4, 8));
    expect(Math.abs(xq1.reduce((s, x, c) => s + x * w0[c], 0) - b.targets[1])).toBeGreaterThan(1e-3);
  });

  it("has inputs uniform in [−a, a]^d (mean 0, E x² = a²/3) and E y² = d·a²/3", () => {
    const a = 2;
    const b = sampleRegressionBatch(createRng(11), 4000, { examples: 10, inputDim: 5, inputScale: a });
    const xs: number[] = [];
    const ys: number[] = [];
    for (let t = 0; t < b.batch; t++) {
      for (let i = 0; i < b.examples; i++) {
        const row = tokenRow(b, t, i);
        xs.push(...row.slice(0, 5));
        ys.push(row[5]);
      }
      xs.push(...b.queries.subarray(5 * t, 5 * t + 5));
      ys.push(b.targets[t]);
    }
    expect(xs.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeLessThanOrEqual(a);
    const x = meanAndError(xs);
    expect(Math.abs(x.mean)).toBeLessThan(5 * x.error);
    const x2 = meanAndError(xs.map((v) => v * v));
    expect(Math.abs(x2.mean - a ** 2 / 3)).toBeLessThan(5 * x2.error);
    // y_i of one task share w, so their squares are correlated: use one per task for the error bar.
    const y2 = meanAndError(ys.filter((_, k) => k % (b.examples + 1) === 0).map((v) => v * v));
    expect(Math.abs(y2.mean - (5 * a ** 2) / 3)).toBeLessThan(5 * y2.error);
  });

  it.each([
    ["examples N", { examples: 0, inputDim: 2, inputScale: 1 }, /examples N/],
    ["examples N", { examples: 2.5, inputDim: 2, inputScale: 1 }, /examples N/],
    ["input size d", { examples: 3, inputDim: Number.NaN, inputScale: 1 }, /input size d/],
    ["input size d", { examples: 3, inputDim: 1e6, inputScale: 1 }, /input size d/],
    ["input scale a", { examples: 3, inputDim: 2, inputScale: 0 }, /input scale a/],
    ["input scale a", { examples: 3, inputDim: 2, inputScale: Number.POSITIVE_INFINITY }, /input scale a/],
  ])("rejects a bad %s with a RangeError naming it", (_, bad, words) => {
    expect(() => sampleRegressionBatch(createRng(1), 2, bad)).toThrow(RangeError);
    expect(() => sampleRegressionBatch(createRng(1), 2, bad)).toThrow(words);
  });

  it("rejects a batch that is not a whole number ≥ 1", () => {
    expect(() => sampleRegressionBatch(createRng(1), 0, options)).toThrow(/batch B/);
    expect(() => sampleRegressionBatch(createRng(1), 1.5, options)).toThrow(RangeError);
  });
});
