import { describe, expect, it } from "vitest";
import { GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { constructionCases } from "../../tests/golden/gradientDescent";
import { gradientSteps } from "./gradientDescent";
import { fromRows, type Matrix, matrix } from "./matrix";
import { predict, regressionGradient, regressionLoss } from "./regression";

const context1d = {
  xs: fromRows([[-1], [0.5], [2]]),
  ys: fromRows([[-2], [1.5], [3]]),
};

describe("gradient descent on in-context regression, against numpy", () => {
  it.each(constructionCases.map((c) => [c.name, c] as const))(
    "%s: weights, predictions and losses",
    (_, c) => {
      const steps = c.gdWeights.length;
      const result = gradientSteps({ xs: c.xs, ys: c.ys }, c.queries, c.eta, steps);
      for (let k = 0; k < steps; k++) {
        expect(maxScaledError(result.weights[k], c.gdWeights[k])).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
        expect(maxScaledError(result.predictions[k], c.gdPredictions[k])).toBeLessThanOrEqual(
          GOLDEN_TOLERANCE,
        );
        expect(Math.abs(result.losses[k] - c.losses[k])).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      }
      expect(Math.abs(result.initialLoss - c.initialLoss)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    },
  );
});

describe("regression loss and gradient", () => {
  it("the loss is 1/(2N) Σ (x_i w − y_i)² and the gradient (1/N) Σ x_i (x_i w − y_i)", () => {
    const w = fromRows([[0.5]]);
    // Residuals −0.5 − (−2) = 1.5, 0.25 − 1.5 = −1.25, 1 − 3 = −2.
    expect(regressionLoss(context1d, w)).toBeCloseTo((1.5 ** 2 + 1.25 ** 2 + 2 ** 2) / 6, 12);
    expect(regressionGradient(context1d, w).data[0]).toBeCloseTo((-1 * 1.5 + 0.5 * -1.25 + 2 * -2) / 3, 12);
  });

  it("the gradient matches central differences of the loss in d = 3, d_y = 2", () => {
    const context = {
      xs: fromRows([
        [0.3, -0.2, 0.9],
        [-0.7, 0.4, 0.1],
        [0.5, 0.5, -0.6],
        [0.2, -0.9, 0.3],
      ]),
      ys: fromRows([
        [1, -0.5],
        [0.2, 0.3],
        [-0.4, 0.8],
        [0.6, 0.1],
      ]),
    };
    const w = fromRows([
      [0.1, -0.3],
      [0.4, 0.2],
      [-0.5, 0.7],
    ]);
    const gradient = regressionGradient(context, w);
    const h = 1e-6;
    for (let e = 0; e < w.data.length; e++) {
      const shifted = (delta: number): Matrix => {
        const m = matrix(w.rows, w.cols, w.data);
        m.data[e] += delta;
        return m;
      };
      const numeric = (regressionLoss(context, shifted(h)) - regressionLoss(context, shifted(-h))) / (2 * h);
      expect(gradient.data[e]).toBeCloseTo(numeric, 8);
    }
  });

  it("the gradient vanishes at the least-squares slope Σxy/Σx², where the loss is smallest", () => {
    const slope = (-1 * -2 + 0.5 * 1.5 + 2 * 3) / (1 + 0.25 + 4);
    const best = fromRows([[slope]]);
    expect(Math.abs(regressionGradient(context1d, best).data[0])).toBeLessThan(1e-14);
    expect(regressionLoss(context1d, best)).toBeLessThan(
      regressionLoss(context1d, fromRows([[slope + 0.01]])),
    );
  });
});

describe("gradientSteps", () => {
  it("W_1 = (η/N) Xᵀ Y, one step from zero", () => {
    const { weights } = gradientSteps(context1d, matrix(0, 1), 0.3, 1);
    expect(weights[0].data[0]).toBeCloseTo((0.3 / 3) * (2 + 0.75 + 6), 14);
  });

  it("with a stable η the loss falls every step and W approaches the least-squares slope", () => {
    const slope = (2 + 0.75 + 6) / 5.25;
    const { weights, losses, initialLoss } = gradientSteps(context1d, fromRows([[1]]), 0.3, 60);
    // Strictly falling until it reaches the minimum to machine precision (about 40 steps here).
    [initialLoss, ...losses.slice(0, 12)].reduce((previous, loss) => {
      expect(loss).toBeLessThan(previous);
      return loss;
    });
    expect(weights[59].data[0]).toBeCloseTo(slope, 8);
  });

  it("predictions are the queries times each step's weights", () => {
    const queries = fromRows([[-2], [0], [1.25]]);
    const result = gradientSteps(context1d, queries, 0.2, 3);
    result.predictions.forEach((p, k) => {
      expect(Array.from(p.data)).toEqual(Array.from(predict(queries, result.weights[k]).data));
    });
  });

  it("rejects an empty context, non-finite numbers, a bad η or step count, and mismatched queries", () => {
    const empty = { xs: matrix(0, 1), ys: matrix(0, 1) };
    expect(() => gradientSteps(empty, matrix(0, 1), 0.1, 1)).toThrow(/at least one example/);
    const nan = { xs: fromRows([[Number.NaN]]), ys: fromRows([[1]]) };
    expect(() => gradientSteps(nan, matrix(0, 1), 0.1, 1)).toThrow(/finite/);
    const huge = { xs: fromRows([[Number.POSITIVE_INFINITY]]), ys: fromRows([[1]]) };
    expect(() => gradientSteps(huge, matrix(0, 1), 0.1, 1)).toThrow(/finite/);
    expect(() => gradientSteps(context1d, matrix(0, 1), Number.NaN, 1)).toThrow(/η must be finite/);
    expect(() => gradientSteps(context1d, matrix(0, 1), 0.1, 0)).toThrow(/whole number ≥ 1/);
    expect(() => gradientSteps(context1d, matrix(0, 1), 0.1, 1.5)).toThrow(/whole number ≥ 1/);
    expect(() => gradientSteps(context1d, matrix(2, 3), 0.1, 1)).toThrow(/queries X_q \[M, d\]/);
    const ragged = { xs: fromRows([[1], [2]]), ys: fromRows([[1]]) };
    expect(() => gradientSteps(ragged, matrix(0, 1), 0.1, 1)).toThrow(/targets Y \[N, d_y\]/);
  });
});
