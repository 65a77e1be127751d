import { describe, expect, it } from "vitest";
import { attention, isMasked } from "./attention";
import { convexHull, insideConvexPolygon } from "./hull";
import { at, matrix, row, toRows } from "./matrix";
import { createRng } from "./rng";

/** The normalisation toggle, masked keys and the √d_k scale: the "step by step" options. */

function randomMatrix(rows: number, cols: number, seed: number, scale = 1) {
  const rng = createRng(seed);
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * rng.normal();
  return m;
}

const sums = (rows: number[][]) => rows.map((r) => r.reduce((s, v) => s + v, 0));
const columnSums = (rows: number[][]) => sums(rows[0].map((_, j) => rows.map((r) => r[j])));

const n = 6;
const x = randomMatrix(n, 2, 21);
const wq = randomMatrix(2, 2, 22, 2);
const wk = randomMatrix(2, 2, 23, 2);
const wv = randomMatrix(2, 2, 24);

describe("normalisation", () => {
  it("rows: every row sums to 1; columns: every column does and rows do not; all: the whole matrix does", () => {
    const rows = toRows(attention({ x, wq, wk, wv }).weights);
    for (const s of sums(rows)) expect(s).toBeCloseTo(1, 12);

    const columns = toRows(attention({ x, wq, wk, wv, normalisation: "columns" }).weights);
    for (const s of columnSums(columns)) expect(s).toBeCloseTo(1, 12);
    expect(sums(columns).some((s) => Math.abs(s - 1) > 0.05)).toBe(true);

    const all = toRows(attention({ x, wq, wk, wv, normalisation: "all" }).weights);
    expect(sums([sums(all)])[0]).toBeCloseTo(1, 12);
    expect(sums(all).some((s) => Math.abs(s - 1) > 0.05)).toBe(true);
  });

  it("only rows keep every output inside the convex hull of the values", () => {
    // Tokens away from the origin: "all" shrinks every output toward 0, out of the values' hull.
    const shifted = matrix(
      n,
      2,
      x.data.map((c) => c + 3),
    );
    const outside = (normalisation: "rows" | "columns" | "all") => {
      const r = attention({ x: shifted, wq, wk, wv, normalisation });
      const hull = convexHull(r.v);
      return Array.from({ length: n }, (_, i) => row(r.out, i)).filter(
        ([ox, oy]) => !insideConvexPolygon(hull, ox, oy, 1e-9),
      ).length;
    };
    expect(outside("rows")).toBe(0);
    expect(outside("columns")).toBeGreaterThan(0);
    expect(outside("all")).toBeGreaterThan(0);
  });

  it("rejects an unknown normalisation", () => {
    expect(() => attention({ x, wq, wk, wv, normalisation: "diagonal" as "rows" })).toThrow(RangeError);
  });
});

describe("masked keys", () => {
  const maskedKeys = [false, false, true, false, false, false];

  it("masking a token zeroes its column for every query and the rows still sum to 1", () => {
    const { scores, weights } = attention({ x, wq, wk, wv, maskedKeys });
    for (let i = 0; i < n; i++) {
      expect(at(scores, i, 2)).toBe(Number.NEGATIVE_INFINITY);
      expect(Object.is(at(weights, i, 2), 0)).toBe(true);
    }
    for (const s of sums(toRows(weights))) expect(s).toBeCloseTo(1, 12);
    expect(at(attention({ x, wq, wk, wv }).weights, 0, 2)).toBeGreaterThan(0);
  });

  it("composes with the causal mask, and a row with no key left is all zeros, never NaN", () => {
    for (const normalisation of ["rows", "columns", "all"] as const) {
      const r = attention({
        x,
        wq,
        wk,
        wv,
        causal: true,
        maskedKeys: [true, ...Array(n - 1).fill(false)],
        normalisation,
      });
      expect(row(r.weights, 0)).toEqual(Array(n).fill(0));
      expect(row(r.out, 0)).toEqual([0, 0]);
      expect(r.weights.data.every(Number.isFinite)).toBe(true);
      expect(r.out.data.every(Number.isFinite)).toBe(true);
    }
    const none = attention({ x, wq, wk, wv, maskedKeys: Array(n).fill(true) });
    expect(none.weights.data.every((w) => w === 0)).toBe(true);
  });

  it("isMasked names the hidden entries", () => {
    expect(isMasked({ causal: true }, 1, 2)).toBe(true);
    expect(isMasked({ causal: true }, 2, 1)).toBe(false);
    expect(isMasked({ maskedKeys }, 0, 2)).toBe(true);
    expect(isMasked({}, 0, 2)).toBe(false);
  });

  it("rejects a mask of the wrong length", () => {
    expect(() => attention({ x, wq, wk, wv, maskedKeys: [true] })).toThrow(/maskedKeys: expected 6/);
  });
});

describe("the 1/√d_k scale", () => {
  it("scale: false leaves the scores √d_k times larger and the weights sharper", () => {
    const dK = 16;
    const big = {
      x: randomMatrix(5, 16, 31),
      wq: randomMatrix(16, dK, 32),
      wk: randomMatrix(16, dK, 33),
      wv: randomMatrix(16, 2, 34),
    };
    const scaled = attention(big);
    const unscaled = attention({ ...big, scale: false });
    scaled.scores.data.forEach((s, k) => {
      expect(unscaled.scores.data[k]).toBeCloseTo(s * Math.sqrt(dK), 9);
    });
    const peak = (w: typeof scaled.weights) => Math.min(...toRows(w).map((r) => Math.max(...r)));
    expect(peak(unscaled.weights)).toBeGreaterThan(peak(scaled.weights));
    expect(attention({ ...big, scale: true }).scores).toEqual(scaled.scores);
  });
});
