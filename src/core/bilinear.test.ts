import { describe, expect, it } from "vitest";
import bilinearJson from "../../tests/golden/bilinear.json";
import { decodeMatrix, GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { attention } from "./attention";
import { bilinearMatrix, bilinearTerms, linearTerms } from "./bilinear";
import { at, fromRows, identity, matrix, row } from "./matrix";
import { createRng } from "./rng";

const close = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(1, Math.abs(expected));

function randomMatrix(rows: number, cols: number, seed: number) {
  const rng = createRng(seed);
  const m = matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.normal();
  return m;
}

describe("bilinearTerms against numpy golden fixtures", () => {
  for (const raw of bilinearJson.bilinear) {
    it(`expands the score into x_i[a]·M[a,b]·x_j[b]: ${raw.name}`, () => {
      const x = decodeMatrix(raw.x);
      const result = bilinearTerms(
        row(x, raw.i),
        row(x, raw.j),
        decodeMatrix(raw.wq),
        decodeMatrix(raw.wk),
        raw.scale,
      );
      expect(maxScaledError(result.m, decodeMatrix(raw.m))).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(maxScaledError(result.terms, decodeMatrix(raw.terms))).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(close(result.sum, raw.sum)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(close(result.sum, raw.score)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    });
  }

  for (const raw of bilinearJson.linear) {
    it(`expands a fixed layer's pre-activation into A[unit,a]·x[a]: ${raw.name}`, () => {
      const result = linearTerms(raw.x, decodeMatrix(raw.a), raw.unit);
      result.terms.forEach((term, a) => {
        expect(close(term, raw.terms[a]), `term ${a}`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      });
      expect(close(result.sum, raw.sum)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    });
  }
});

describe("bilinearTerms properties", () => {
  const x = randomMatrix(6, 2, 5);
  const wq = randomMatrix(2, 2, 6);
  const wk = randomMatrix(2, 2, 7);

  it("sums to core attention's score for every pair (i, j) within 1e-12", () => {
    const { scores } = attention({ x, wq, wk, wv: identity(2) });
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        const { sum } = bilinearTerms(row(x, i), row(x, j), wq, wk, 1 / Math.sqrt(2));
        expect(Math.abs(sum - at(scores, i, j))).toBeLessThan(1e-12);
      }
    }
  });

  it("is degree 2 in the tokens: scaling both by c scales every term by c²", () => {
    const xi = row(x, 0);
    const xj = row(x, 3);
    const base = bilinearTerms(xi, xj, wq, wk, 0.5);
    const c = 3;
    const scaled = bilinearTerms(
      xi.map((v) => c * v),
      xj.map((v) => c * v),
      wq,
      wk,
      0.5,
    );
    scaled.terms.data.forEach((term, k) => {
      expect(term).toBeCloseTo(c * c * base.terms.data[k], 12);
    });
    // The parameter matrix does not depend on the tokens at all.
    expect(scaled.m.data).toEqual(base.m.data);
  });

  it("a fixed layer is degree 1: scaling x by c scales every term by c", () => {
    const a = randomMatrix(6, 2, 8);
    const xi = row(x, 2);
    const base = linearTerms(xi, a, 4);
    const scaled = linearTerms(
      xi.map((v) => 3 * v),
      a,
      4,
    );
    scaled.terms.forEach((term, k) => {
      expect(term).toBeCloseTo(3 * base.terms[k], 12);
    });
    expect(base.terms).toHaveLength(2);
  });

  it("M = scale · W_Q W_Kᵀ holds the transpose of W_K", () => {
    const m = bilinearMatrix(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
      fromRows([
        [0, 1],
        [1, 0],
      ]),
      2,
    );
    // W_Q W_Kᵀ = [[2, 1], [4, 3]].
    expect(Array.from(m.data)).toEqual([4, 2, 8, 6]);
  });

  it("rejects mismatched shapes and bad arguments with a RangeError", () => {
    expect(() => bilinearTerms([1, 2, 3], [1, 2], wq, wk, 1)).toThrow(RangeError);
    expect(() => bilinearMatrix(wq, randomMatrix(3, 2, 1), 1)).toThrow(/W_K/);
    expect(() => bilinearMatrix(wq, wk, Number.NaN)).toThrow(RangeError);
    expect(() => linearTerms([1, 2], randomMatrix(6, 2, 1), 6)).toThrow(RangeError);
    expect(() => linearTerms([1], randomMatrix(6, 2, 1), 0)).toThrow(RangeError);
  });
});
