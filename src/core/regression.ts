import { assertShape, type Matrix, matrix } from "./matrix";

/*
 * In-context linear regression: the task whose examples sit in the context of the attention layer
 * in linearSelfAttention.ts, and the loss that gradient descent (gradientDescent.ts) lowers.
 *
 * Row vectors, as everywhere in src/core: an input x is a row [1, d], a target y a row [1, d_y],
 * and a linear model predicts ŷ = x·W with W [d, d_y]. (von Oswald et al. 2023 write column
 * vectors, ŷ = W x; their W is our Wᵀ.)
 */

/** The examples in the context: inputs x_i as rows of `xs` [N, d], targets y_i as rows of `ys` [N, d_y]. */
export interface RegressionContext {
  xs: Matrix;
  ys: Matrix;
}

/** N, d and d_y of a context, after checking that it has at least one example and finite numbers. */
export function checkRegressionContext(context: RegressionContext): { n: number; d: number; dY: number } {
  const { xs, ys } = context;
  const n = xs.rows;
  if (n < 1) throw new RangeError("regression: need at least one example (N ≥ 1)");
  if (xs.cols < 1) throw new RangeError("regression: inputs need at least one coordinate (d ≥ 1)");
  if (ys.cols < 1) throw new RangeError("regression: targets need at least one coordinate (d_y ≥ 1)");
  assertShape(ys, n, ys.cols, "targets Y [N, d_y]");
  if (!xs.data.every(Number.isFinite) || !ys.data.every(Number.isFinite)) {
    throw new RangeError("regression: every x_i and y_i must be a finite number");
  }
  return { n, d: xs.cols, dY: ys.cols };
}

/** `X·W` for inputs `X [M, d]` and weights `W [d, d_y]`: the model's predictions, `[M, d_y]`. */
export function predict(xs: Matrix, w: Matrix): Matrix {
  assertShape(w, xs.cols, w.cols, "weights W [d, d_y]");
  const out = matrix(xs.rows, w.cols);
  for (let m = 0; m < xs.rows; m++) {
    for (let a = 0; a < xs.cols; a++) {
      const x = xs.data[m * xs.cols + a];
      for (let b = 0; b < w.cols; b++) out.data[m * w.cols + b] += x * w.data[a * w.cols + b];
    }
  }
  return out;
}

/**
 * The squared loss of weights `W [d, d_y]` on the context:
 * `L(W) = 1/(2N) · Σ_i ‖x_i·W − y_i‖²`.
 */
export function regressionLoss(context: RegressionContext, w: Matrix): number {
  const { n } = checkRegressionContext(context);
  const residuals = predict(context.xs, w);
  let sum = 0;
  for (let k = 0; k < residuals.data.length; k++) sum += (residuals.data[k] - context.ys.data[k]) ** 2;
  return sum / (2 * n);
}

/**
 * The gradient of `regressionLoss` at `W [d, d_y]`:
 * `∇L(W) = (1/N) · Σ_i x_iᵀ (x_i·W − y_i) = (1/N) · Xᵀ(XW − Y)`, shape `[d, d_y]`.
 */
export function regressionGradient(context: RegressionContext, w: Matrix): Matrix {
  const { n, d, dY } = checkRegressionContext(context);
  assertShape(w, d, dY, "weights W [d, d_y]");
  const residuals = predict(context.xs, w);
  const gradient = matrix(d, dY);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < dY; b++) {
      const r = residuals.data[i * dY + b] - context.ys.data[i * dY + b];
      for (let a = 0; a < d; a++) gradient.data[a * dY + b] += (context.xs.data[i * d + a] * r) / n;
    }
  }
  return gradient;
}
