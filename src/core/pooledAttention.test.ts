import { describe, expect, it } from "vitest";
import { GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { poolingCases } from "../../tests/golden/poolingFixtures";
import { attention } from "./attention";
import { fromRows, matrix } from "./matrix";
import { type MatrixView, poolAxis, poolMatrix } from "./pooledAttention";
import { createRng } from "./rng";

const whole = (n: number, maxPixels: number, pooling: "max" | "mean" = "max"): MatrixView => ({
  rowStart: 0,
  colStart: 0,
  rows: n,
  cols: n,
  maxPixels,
  pooling,
});

describe("poolMatrix against numpy", () => {
  it("has cases for both poolings, −∞ blocks and views inside a causal matrix", () => {
    expect(poolingCases.length).toBeGreaterThanOrEqual(20);
    expect(poolingCases.some((c) => c.image.data.includes(Number.NEGATIVE_INFINITY))).toBe(true);
    expect(new Set(poolingCases.map((c) => c.view.pooling))).toEqual(new Set(["max", "mean"]));
  });

  it.each(poolingCases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const got = poolMatrix(c.matrix, c.view);
    expect(got.rowEdges).toEqual(c.rowEdges);
    expect(got.colEdges).toEqual(c.colEdges);
    expect(maxScaledError(got.image, c.image)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  });
});

describe("poolMatrix", () => {
  it("pools 5 entries into 2 pixels of 3 and 2: the last block is shorter", () => {
    const m = fromRows([[1, 5, 2, 8, 3]]);
    const view = { rowStart: 0, colStart: 0, rows: 1, cols: 5, maxPixels: 2 } as const;
    const max = poolMatrix(m, { ...view, pooling: "max" });
    expect(max.colEdges).toEqual([0, 3, 5]);
    expect(Array.from(max.image.data)).toEqual([5, 8]);
    expect(Array.from(poolMatrix(m, { ...view, pooling: "mean" }).image.data)).toEqual([8 / 3, 5.5]);
  });

  it("ignores −∞ entries, and a block of only −∞ stays −∞ (a masked corner)", () => {
    const m = fromRows([
      [1, Number.NEGATIVE_INFINITY],
      [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
    ]);
    const view = { rowStart: 0, colStart: 0, rows: 2, cols: 2, maxPixels: 1 } as const;
    expect(poolMatrix(m, { ...view, pooling: "mean" }).image.data[0]).toBe(1);
    const corner = { ...view, rowStart: 1, rows: 1, colStart: 1, cols: 1 };
    expect(poolMatrix(m, { ...corner, pooling: "max" }).image.data[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(poolMatrix(m, { ...corner, pooling: "mean" }).image.data[0]).toBe(Number.NEGATIVE_INFINITY);
  });

  it("never pools up: a view smaller than maxPixels is copied entry for entry", () => {
    const rng = createRng(3);
    const m = matrix(
      6,
      6,
      Array.from({ length: 36 }, () => rng.normal()),
    );
    const got = poolMatrix(m, {
      rowStart: 1,
      colStart: 2,
      rows: 4,
      cols: 3,
      maxPixels: 100,
      pooling: "mean",
    });
    expect(got.image.rows).toBe(4);
    expect(got.image.cols).toBe(3);
    expect(got.image.data[0]).toBe(m.data[1 * 6 + 2]);
    expect(got.rowEdges).toEqual([1, 2, 3, 4, 5]);
  });

  it("a causal head at n = 4096 pools to 512 px, with max ≥ mean and rows of mean weights ≈ 1/(block cols)", () => {
    const axis = poolAxis(0, 4096, 512);
    expect(axis).toMatchObject({ block: 8, pixels: 512 });
    expect(axis.edges.at(-1)).toBe(4096);
    const rng = createRng(9);
    const random = (rows: number, cols: number) =>
      matrix(
        rows,
        cols,
        Array.from({ length: rows * cols }, () => rng.normal() / 2),
      );
    const head = attention({
      x: random(96, 4),
      wq: random(4, 4),
      wk: random(4, 4),
      wv: random(4, 4),
      causal: true,
    });
    const max = poolMatrix(head.scores, whole(96, 12, "max")).image;
    const mean = poolMatrix(head.scores, whole(96, 12, "mean")).image;
    for (let i = 0; i < max.data.length; i++) expect(max.data[i]).toBeGreaterThanOrEqual(mean.data[i]);
    // Above the diagonal every score is masked: −∞; the weights there are 0.
    expect(max.data[0 * 12 + 11]).toBe(Number.NEGATIVE_INFINITY);
    expect(poolMatrix(head.weights, whole(96, 12, "mean")).image.data[11]).toBe(0);
    // Each row of weights sums to 1, so a full-width strip of mean weights averages 1/96 per entry.
    const strip = poolMatrix(head.weights, {
      rowStart: 40,
      colStart: 0,
      rows: 1,
      cols: 96,
      maxPixels: 1,
      pooling: "mean",
    });
    expect(strip.image.data[0]).toBeCloseTo(1 / 96, 12);
  });

  it("rejects views that do not fit, with words", () => {
    const m = matrix(4, 4);
    const bad: [Partial<MatrixView>, RegExp][] = [
      [{ rowStart: -1 }, /whole numbers ≥ 0/],
      [{ colStart: 0.5 }, /whole numbers ≥ 0/],
      [{ rows: 0 }, /at least one row and one column/],
      [{ cols: Number.NaN }, /at least one row and one column/],
      [{ rowStart: 2, rows: 3 }, /do not fit in a 4 × 4 matrix/],
      [{ maxPixels: 0 }, /maxPixels must be a whole number ≥ 1/],
      [{ maxPixels: Number.POSITIVE_INFINITY }, /maxPixels/],
      [{ pooling: "median" as "max" }, /pooling must be max or mean/],
    ];
    for (const [change, message] of bad) {
      expect(() => poolMatrix(m, { ...whole(4, 2), ...change })).toThrow(RangeError);
      expect(() => poolMatrix(m, { ...whole(4, 2), ...change })).toThrow(message);
    }
  });
});
