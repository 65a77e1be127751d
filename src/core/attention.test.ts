import { describe, expect, it } from "vitest";
import { attentionCases, GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { attention } from "./attention";
import { at, fromRows, identity, matrix, toRows } from "./matrix";
import { createRng } from "./rng";

function randomMatrix(rows: number, cols: number, seed: number, scale = 1) {
  const rng = createRng(seed);
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * rng.normal();
  return m;
}

describe("attention against numpy golden fixtures", () => {
  it("has the cases the fixtures promise", () => {
    const names = attentionCases.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "n=1",
        "n=64, d_model=2",
        "causal, n=6",
        "temperature 3",
        "large logits",
        "columns",
        "all",
        "masked keys",
        "causal, key 0 masked",
        "every key masked",
        "unscaled, d_k=4",
      ]),
    );
  });

  for (const golden of attentionCases) {
    it(`matches every intermediate: ${golden.name}`, () => {
      const result = attention({
        x: golden.x,
        wq: golden.wq,
        wk: golden.wk,
        wv: golden.wv,
        causal: golden.causal,
        temperature: golden.temperature,
        normalisation: golden.normalisation,
        maskedKeys: golden.maskedKeys,
        scale: golden.scale,
      });
      for (const key of ["q", "k", "v", "scores", "weights", "out"] as const) {
        expect(maxScaledError(result[key], golden[key]), key).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      }
    });
  }
});

describe("attention properties", () => {
  const x = randomMatrix(7, 3, 1);
  const wq = randomMatrix(3, 2, 2);
  const wk = randomMatrix(3, 2, 3);
  const wv = randomMatrix(3, 4, 4);

  it("returns every intermediate with the documented shapes", () => {
    const r = attention({ x, wq, wk, wv });
    const shapes = [r.q, r.k, r.v, r.scores, r.weights, r.out].map((m) => [m.rows, m.cols]);
    expect(shapes).toEqual([
      [7, 2],
      [7, 2],
      [7, 4],
      [7, 7],
      [7, 7],
      [7, 4],
    ]);
  });

  it("makes every weights row sum to 1 within 1e-12, causal or not, at any temperature", () => {
    for (const causal of [false, true]) {
      for (const temperature of [0.05, 1, 10]) {
        const { weights } = attention({ x, wq, wk, wv, causal, temperature });
        for (const r of toRows(weights)) {
          expect(Math.abs(r.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it("masks the causal upper triangle: scores −Infinity, weights exactly 0", () => {
    const { scores, weights } = attention({ x, wq, wk, wv, causal: true });
    for (let i = 0; i < 7; i++) {
      for (let j = i + 1; j < 7; j++) {
        expect(at(scores, i, j)).toBe(Number.NEGATIVE_INFINITY);
        expect(Object.is(at(weights, i, j), 0)).toBe(true);
      }
    }
    // The first token can only attend to itself.
    expect(at(weights, 0, 0)).toBe(1);
  });

  it("gives a single token all its weight: n = 1 → [[1]]", () => {
    const one = fromRows([[0.3, -0.7, 2]]);
    const r = attention({ x: one, wq, wk, wv });
    expect(toRows(r.weights)).toEqual([[1]]);
    expect(toRows(r.out)).toEqual(toRows(r.v));
  });

  it("stays finite for huge logits and picks the top-scoring key", () => {
    const big = fromRows([
      [100, 0],
      [-100, 0],
      [0, 100],
    ]);
    const r = attention({ x: big, wq: identity(2), wk: identity(2), wv: identity(2) });
    expect(r.scores.data.some((s) => s > 700)).toBe(true);
    expect(r.weights.data.every(Number.isFinite)).toBe(true);
    expect(toRows(r.weights)[0]).toEqual([1, 0, 0]);
  });

  it("sharpens with low temperature and flattens with high temperature", () => {
    const sharp = attention({ x, wq, wk, wv, temperature: 0.01 }).weights;
    const flat = attention({ x, wq, wk, wv, temperature: 1e6 }).weights;
    expect(Math.max(...toRows(sharp)[0])).toBeGreaterThan(0.99);
    for (const w of toRows(flat)[0]) expect(Math.abs(w - 1 / 7)).toBeLessThan(1e-5);
  });

  it("throws a RangeError on shape mismatch, no tokens, or a bad temperature", () => {
    expect(() => attention({ x, wq: randomMatrix(2, 2, 5), wk, wv })).toThrow(RangeError);
    expect(() => attention({ x, wq, wk: randomMatrix(3, 3, 5), wv })).toThrow(RangeError);
    expect(() => attention({ x, wq, wk, wv: randomMatrix(4, 4, 5) })).toThrow(RangeError);
    expect(() => attention({ x: matrix(0, 3), wq, wk, wv })).toThrow(RangeError);
    expect(() =>
      attention({ x: matrix(2, 0), wq: matrix(0, 2), wk: matrix(0, 2), wv: matrix(0, 2) }),
    ).toThrow(RangeError);
    for (const temperature of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => attention({ x, wq, wk, wv, temperature })).toThrow(RangeError);
    }
  });
});
