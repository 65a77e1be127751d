import { checkRegressionTaskOptions, type RegressionTaskOptions } from "./regressionTasks";

/*
 * The two reference lines of Part III's loss chart, exact for the task distribution of
 * regressionTasks.ts (w ~ N(0, I_d), x ~ U(−a, a)^d, y = w·x). Loss convention everywhere in
 * Part III: L = ½·E[(ŷ − y)²] (von Oswald et al. 2023).
 *
 * Both come from the moments of one input coordinate, m2 = E x² = a²/3 and m4 = E x⁴ = a⁴/5.
 * One gradient step from W = 0 on the context's loss 1/(2N)·Σ(x_i·W − y_i)² gives
 * ŵ = η·(1/N)·Σ y_i x_i = η·Σ̂·w with Σ̂ = (1/N)·Σ x_i x_iᵀ [d, d]. The query's error is
 * x_q·(ŵ − w), and x_q is independent of the context with E x_q x_qᵀ = m2·I, so
 *   L = ½·m2·E‖(ηΣ̂ − I)·w‖² = ½·m2·E tr((ηΣ̂ − I)²)          (E over w ~ N(0, I))
 *     = ½·m2·(η²·T − 2η·d·m2 + d),  T = E tr(Σ̂²).
 * T sums E(x_iᵀx_j)² over the N² pairs: N pairs i = j give E‖x‖⁴ = d·m4 + d(d−1)·m2², and
 * N(N−1) pairs i ≠ j give d·m2², so T = (1/N)(d·m4 + d(d−1)·m2²) + ((N−1)/N)·d·m2².
 */

/** m2 = E x² = a²/3 and m4 = E x⁴ = a⁴/5 for x ~ U(−a, a). */
function uniformMoments(a: number): { m2: number; m4: number } {
  return { m2: (a * a) / 3, m4: a ** 4 / 5 };
}

/** T = E tr(Σ̂²) for Σ̂ = (1/N)·Σ_i x_i x_iᵀ, x_i ~ U(−a, a)^d independent. */
function expectedTraceOfSquare(options: RegressionTaskOptions): number {
  const { examples: n, inputDim: d, inputScale: a } = options;
  const { m2, m4 } = uniformMoments(a);
  return (d * m4 + d * (d - 1) * m2 * m2) / n + ((n - 1) / n) * d * m2 * m2;
}

/** ½·E[y_q²] = ½·d·a²/3: the loss of always predicting 0. */
export function zeroPredictorLoss(options: RegressionTaskOptions): number {
  checkRegressionTaskOptions(options);
  return 0.5 * options.inputDim * uniformMoments(options.inputScale).m2;
}

/**
 * Expected loss of one gradient-descent step from W = 0 on the context's loss
 * L(W) = 1/(2N)·Σ‖x_i·W − y_i‖² with learning rate η: ŵ = η·(1/N)·Σ y_i x_i, ŷ = x_q·ŵ.
 * Exact, from the moments of the uniform distribution: with m2 = a²/3, m4 = a⁴/5,
 * E‖ŵ − w‖² = η²·T − 2η·d·m2 + d, T = E tr(Σ̂²) = (1/N)(d·m4 + d(d−1)m2²) + ((N−1)/N)·d·m2²,
 * and the loss is ½·m2·E‖ŵ − w‖². At η = 0 it equals zeroPredictorLoss.
 */
export function oneStepGdLoss(eta: number, options: RegressionTaskOptions): number {
  checkRegressionTaskOptions(options);
  if (!Number.isFinite(eta)) throw new RangeError(`oneStepGdLoss: η must be finite, got ${eta}`);
  const d = options.inputDim;
  const { m2 } = uniformMoments(options.inputScale);
  const t = expectedTraceOfSquare(options);
  return 0.5 * m2 * (eta * eta * t - 2 * eta * d * m2 + d);
}

/**
 * The best η (= d·m2/T, where the quadratic oneStepGdLoss is least) and its loss,
 * ½·m2·(d − (d·m2)²/T). For d = 10, N = 10, a = 1: η* = 50/33 ≈ 1.515, loss ≈ 0.8249.
 */
export function optimalOneStepGd(options: RegressionTaskOptions): { eta: number; loss: number } {
  checkRegressionTaskOptions(options);
  const d = options.inputDim;
  const { m2 } = uniformMoments(options.inputScale);
  const t = expectedTraceOfSquare(options);
  const eta = (d * m2) / t;
  return { eta, loss: 0.5 * m2 * (d - (d * m2) ** 2 / t) };
}
