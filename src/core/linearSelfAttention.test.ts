import { describe, expect, it } from "vitest";
import { GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { constructionCases, randomLayersCases } from "../../tests/golden/gradientDescent";
import { gradientSteps } from "./gradientDescent";
import {
  constructGdLayer,
  effectiveWeights,
  type LsaLayer,
  lsaForward,
  lsaTokens,
} from "./linearSelfAttention";
import { matmul } from "./matmul";
import { fromRows, identity, type Matrix, matrix } from "./matrix";
import { createRng, type Rng } from "./rng";

const close = (actual: Matrix, expected: Matrix) =>
  expect(maxScaledError(actual, expected)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);

describe("linear self-attention against numpy (the paper's column form, transposed)", () => {
  it.each(constructionCases.map((c) => [c.name, c] as const))("%s: K constructed layers", (_, c) => {
    const d = c.xs.cols;
    const layer = constructGdLayer(d, c.ys.cols, c.eta, c.xs.rows);
    for (const key of ["wk", "wq", "wv", "projection"] as const) close(layer[key], c.layers[0][key]);
    const steps = c.lsaPredictions.length;
    const result = lsaForward({
      context: { xs: c.xs, ys: c.ys },
      queries: c.queries,
      layers: Array.from({ length: steps }, () => layer),
    });
    for (let k = 0; k < steps; k++) {
      close(result.predictions[k], c.lsaPredictions[k]);
      close(result.fastWeights[k], c.fastWeights[k]);
      close(effectiveWeights(result.fastWeights.slice(0, k + 1), d), c.effectiveWeights[k]);
      // The theorem in the golden numbers too: layer k's output is step k's prediction.
      close(result.predictions[k], c.gdPredictions[k]);
    }
    close(result.tokens, c.tokens);
  });

  it.each(randomLayersCases.map((c) => [c.name, c] as const))("%s: general layers", (_, c) => {
    const result = lsaForward({ context: { xs: c.xs, ys: c.ys }, queries: c.queries, layers: c.layers });
    result.predictions.forEach((p, l) => {
      close(p, c.lsaPredictions[l]);
      close(result.fastWeights[l], c.fastWeights[l]);
    });
    close(effectiveWeights(result.fastWeights, c.xs.cols), c.effectiveWeights[0]);
    close(result.tokens, c.tokens);
  });
});

function randomTask(rng: Rng, n: number, d: number, m: number) {
  const uniform = (rows: number, cols: number) =>
    matrix(
      rows,
      cols,
      Array.from({ length: rows * cols }, () => 2 * rng.next() - 1),
    );
  const xs = uniform(n, d);
  const w = uniform(d, 1);
  const ys = matmul(xs, w);
  for (let i = 0; i < n; i++) ys.data[i] += 0.1 * rng.normal();
  return { context: { xs, ys }, queries: uniform(m, d) };
}

describe("K constructed layers equal K gradient steps", () => {
  for (let d = 1; d <= 10; d++) {
    it(`random tasks in d = ${d}, K = 1..5, several η`, () => {
      const rng = createRng(1000 + d);
      for (const eta of [0.05, 0.4, 1]) {
        const { context, queries } = randomTask(rng, 4 + d, d, 6);
        const layer = constructGdLayer(d, 1, eta, context.xs.rows);
        const lsa = lsaForward({ context, queries, layers: Array.from({ length: 5 }, () => layer) });
        const gd = gradientSteps(context, queries, eta, 5);
        for (let k = 0; k < 5; k++) {
          const scale = Math.max(1, ...gd.predictions[k].data.map(Math.abs));
          const worst = Math.max(
            ...lsa.predictions[k].data.map((p, e) => Math.abs(p - gd.predictions[k].data[e])),
          );
          expect(worst / scale, `η=${eta}, K=${k + 1}`).toBeLessThan(1e-12);
          const weights = effectiveWeights(lsa.fastWeights.slice(0, k + 1), d);
          expect(maxScaledError(weights, gd.weights[k])).toBeLessThan(1e-12);
        }
      }
    });
  }

  it("after K layers the context tokens hold (x_i, y_i − x_i·W_K): x-slots never change", () => {
    const { context, queries } = randomTask(createRng(5), 7, 3, 2);
    const layer = constructGdLayer(3, 1, 0.6, 7);
    const { tokens } = lsaForward({ context, queries, layers: [layer, layer, layer] });
    const w3 = gradientSteps(context, queries, 0.6, 3).weights[2];
    const fitted = matmul(context.xs, w3);
    for (let i = 0; i < 7; i++) {
      for (let a = 0; a < 3; a++) expect(tokens.data[i * 4 + a]).toBe(context.xs.data[i * 3 + a]);
      expect(tokens.data[i * 4 + 3]).toBeCloseTo(context.ys.data[i] - fitted.data[i], 12);
    }
  });

  it("the parameters are the same for any context, while W_eff follows the examples", () => {
    const rng = createRng(9);
    const layer = constructGdLayer(2, 1, 0.5, 8);
    const first = randomTask(rng, 8, 2, 1);
    const second = randomTask(rng, 8, 2, 1);
    const weff = (task: typeof first) =>
      effectiveWeights(lsaForward({ ...task, layers: [layer] }).fastWeights, 2);
    expect(maxScaledError(weff(first), weff(second))).toBeGreaterThan(0.01);
    expect(constructGdLayer(2, 1, 0.5, 8)).toEqual(layer);
  });
});

describe("the fast weights", () => {
  it("every token moves to e·(I + F): the attention form and the fast-weight form agree", () => {
    const rng = createRng(3);
    const { context, queries } = randomTask(rng, 5, 2, 3);
    const random = () =>
      matrix(
        3,
        3,
        Array.from({ length: 9 }, () => rng.normal()),
      );
    const layer: LsaLayer = { wk: random(), wq: random(), wv: random(), projection: random() };
    const before = lsaTokens(context, queries);
    const { tokens, fastWeights } = lsaForward({ context, queries, layers: [layer] });
    const plusIdentity = matrix(
      3,
      3,
      identity(3).data.map((v, e) => v + fastWeights[0].data[e]),
    );
    expect(maxScaledError(tokens, matmul(before, plusIdentity))).toBeLessThan(1e-12);
  });

  it("one constructed layer's W_eff is (η/N)·Σ x_i y_i", () => {
    const context = { xs: fromRows([[1], [-0.5], [0.25]]), ys: fromRows([[2], [1], [-1]]) };
    const { fastWeights } = lsaForward({
      context,
      queries: matrix(0, 1),
      layers: [constructGdLayer(1, 1, 0.9, 3)],
    });
    expect(effectiveWeights(fastWeights, 1).data[0]).toBeCloseTo((0.9 / 3) * (2 - 0.5 - 0.25), 14);
    // F has only the x→y block: (η/N)·[[0, −Σ x_i y_i], [0, 0]].
    expect(fastWeights[0].data[0]).toBe(0);
    expect(fastWeights[0].data[2]).toBe(0);
    expect(fastWeights[0].data[3]).toBe(0);
  });
});

describe("bad input", () => {
  const context = { xs: fromRows([[1]]), ys: fromRows([[1]]) };
  const layer = constructGdLayer(1, 1, 0.5, 1);

  it("rejects no layers, wrong shapes, non-finite numbers", () => {
    expect(() => lsaForward({ context, queries: matrix(0, 1), layers: [] })).toThrow(/at least one layer/);
    expect(() =>
      lsaForward({ context, queries: matrix(0, 1), layers: [{ ...layer, wv: identity(3) }] }),
    ).toThrow(/layer 1 W_V \[d \+ d_y, d \+ d_y\]: expected \[2, 2\], got \[3, 3\]/);
    expect(() => lsaForward({ context, queries: matrix(1, 2), layers: [layer] })).toThrow(/queries/);
    expect(() => lsaForward({ context, queries: fromRows([[Number.NaN]]), layers: [layer] })).toThrow(
      /finite/,
    );
    expect(() =>
      lsaForward({ context: { xs: matrix(0, 1), ys: matrix(0, 1) }, queries: matrix(0, 1), layers: [layer] }),
    ).toThrow(/at least one example/);
  });

  it("constructGdLayer and effectiveWeights reject impossible sizes", () => {
    expect(() => constructGdLayer(0, 1, 0.5, 3)).toThrow(/d must be a whole number/);
    expect(() => constructGdLayer(2, 1, 0.5, 0)).toThrow(/N must be a whole number/);
    expect(() => constructGdLayer(2, 1, Number.POSITIVE_INFINITY, 3)).toThrow(/η must be finite/);
    expect(() => effectiveWeights([], 1)).toThrow(/at least one layer/);
    expect(() => effectiveWeights([identity(2)], 2)).toThrow(/1 ≤ d < 2/);
  });
});
