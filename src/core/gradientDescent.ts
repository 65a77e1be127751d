import { assertShape, type Matrix, matrix } from "./matrix";
import {
  checkRegressionContext,
  predict,
  type RegressionContext,
  regressionGradient,
  regressionLoss,
} from "./regression";

/*
 * Plain gradient descent on in-context linear regression (regression.ts): the algorithm that one
 * layer of linear self-attention with the right parameters runs on the examples in its context
 * (von Oswald et al. 2023; the layer is in linearSelfAttention.ts).
 */

export {
  constructGdLayer,
  effectiveWeights,
  type LsaLayer,
  type LsaParams,
  type LsaResult,
  lsaForward,
  lsaTokens,
} from "./linearSelfAttention";
export {
  checkRegressionContext,
  predict,
  type RegressionContext,
  regressionGradient,
  regressionLoss,
} from "./regression";

/** What `gradientSteps` computed: one entry per step k = 1..K. */
export interface GradientStepsResult {
  /** `W_k [d, d_y]` after step k (so `weights[0]` is W_1). */
  weights: Matrix[];
  /** The queries' predictions `X_q·W_k [M, d_y]` after step k. */
  predictions: Matrix[];
  /** `L(W_k)` on the context after step k; `L(W_0) = L(0)` is `initialLoss`. */
  losses: number[];
  initialLoss: number;
}

/**
 * K steps of gradient descent on `regressionLoss`, from `W_0 = 0`, with learning rate η:
 * `W_{k+1} = W_k − η·∇L(W_k)`. The first step is `W_1 = (η/N)·Σ_i x_iᵀ y_i = (η/N)·XᵀY`.
 *
 * Shapes: context `X [N, d]`, `Y [N, d_y]`; queries `X_q [M, d]` (M ≥ 0) → weights `[d, d_y]`
 * and predictions `[M, d_y]` after each step. η must be finite and K a whole number ≥ 1.
 */
export function gradientSteps(
  context: RegressionContext,
  queries: Matrix,
  eta: number,
  steps: number,
): GradientStepsResult {
  const { d, dY } = checkRegressionContext(context);
  assertShape(queries, queries.rows, d, "queries X_q [M, d]");
  if (!Number.isFinite(eta))
    throw new RangeError(`gradient descent: learning rate η must be finite, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`gradient descent: steps must be a whole number ≥ 1, got ${steps}`);
  }
  let w = matrix(d, dY);
  const result: GradientStepsResult = {
    weights: [],
    predictions: [],
    losses: [],
    initialLoss: regressionLoss(context, w),
  };
  for (let k = 0; k < steps; k++) {
    const gradient = regressionGradient(context, w);
    const next = matrix(d, dY);
    for (let e = 0; e < next.data.length; e++) next.data[e] = w.data[e] - eta * gradient.data[e];
    w = next;
    result.weights.push(w);
    result.predictions.push(predict(queries, w));
    result.losses.push(regressionLoss(context, w));
  }
  return result;
}
