import type { LsaLayer } from "./linearSelfAttention";
import { matmul, matmulTransposeB } from "./matmul";
import { assertShape, type Matrix, matrix } from "./matrix";

/*
 * Reading a trained linear self-attention layer as a gradient step.
 *
 * Part III trains the layer with its sum normalised by the number of examples,
 *   e_j ← e_j + (1/N)·Σ_i (q_j·k_i) v_i·P,
 * so that one set of weights serves any N (Part II's lsaForward sums without the 1/N; the same
 * layer there has P/N, see rawSumLayer). For the query token e_q = (x_q, 0) the score with the
 * example e_i = (x_i, y_i) is e_q·M·e_iᵀ with M = W_Q·W_Kᵀ, and its value is e_i·B with
 * B = W_V·P, whose y-column is x_i·B_xy + y_i·B_yy. The prediction is minus the query's new
 * y-slot; multiplying out, the part odd in the targets y is
 *   ŷ = x_q·A·s,  s = (1/N)·Σ_i y_i x_iᵀ [d],  A = −(B_yy·M_xx + M_xy·B_xyᵀ) [d, d],
 * (M_xx the x-rows/x-columns block [d, d], M_xy and B_xy the x-rows/y-column blocks [d, 1]).
 * s is minus the gradient of 1/(2N)·Σ(x_i·W − y_i)² at W = 0, so the layer predicts with
 * W = A·s: one preconditioned gradient step, a plain one when A = η·I.
 * The even part (cubic in x, or y_i² times x_q·M_xy·B_yy) is not a gradient step; it averages
 * out over tasks because w and −w are equally likely.
 */

export interface ImpliedGradientStep {
  /** A [d, d] with ŷ = x_q·A·(1/N)Σ y_i x_iᵀ (the part of the prediction odd in y). */
  preconditioner: Matrix;
  /** tr(A)/d: the learning rate of the gradient step the layer performs. */
  eta: number;
  /** ‖A − η·I‖_F / ‖A‖_F (0 for a plain gradient step, and for A = 0). */
  offIdentity: number;
}

function checkLayer(layer: LsaLayer, d: number, what: string): number {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`${what}: d must be a whole number ≥ 1, got ${d}`);
  const width = d + 1;
  for (const [name, m] of [
    ["W_K", layer.wk],
    ["W_Q", layer.wq],
    ["W_V", layer.wv],
    ["P", layer.projection],
  ] as const) {
    assertShape(m, width, width, `${what}: ${name} [d + 1, d + 1]`);
  }
  return width;
}

/**
 * For a layer in the training convention (sum normalised by 1/N), with inputs of size d and
 * d_y = 1: the preconditioner A = −(B_yy·M_xx + M_xy·B_xyᵀ) [d, d] with M = W_Q·W_Kᵀ and
 * B = W_V·P (all [d + 1, d + 1]), its learning rate η = tr(A)/d, and how far A is from η·I.
 */
export function impliedLearningRate(layer: LsaLayer, d: number): ImpliedGradientStep {
  const width = checkLayer(layer, d, "impliedLearningRate");
  const m = matmulTransposeB(layer.wq, layer.wk);
  const b = matmul(layer.wv, layer.projection);
  const byy = b.data[d * width + d];
  const preconditioner = matrix(d, d);
  let trace = 0;
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const value = -(byy * m.data[r * width + c] + m.data[r * width + d] * b.data[c * width + d]);
      preconditioner.data[r * d + c] = value;
    }
    trace += preconditioner.data[r * d + r];
  }
  const eta = trace / d;
  let norm = 0;
  let offNorm = 0;
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const value = preconditioner.data[r * d + c];
      norm += value * value;
      offNorm += (value - (r === c ? eta : 0)) ** 2;
    }
  }
  return { preconditioner, eta, offIdentity: norm === 0 ? 0 : Math.sqrt(offNorm / norm) };
}

/**
 * The same layer in Part II's raw-sum convention (lsaForward): P/N in place of P, since
 * (1/N)·Σ_i (q·k_i) v_i·P = Σ_i (q·k_i) v_i·(P/N). W_K, W_Q and W_V are copied unchanged.
 */
export function rawSumLayer(layer: LsaLayer, n: number): LsaLayer {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`rawSumLayer: N must be a whole number ≥ 1, got ${n}`);
  const copy = (m: Matrix) => matrix(m.rows, m.cols, m.data);
  const projection = copy(layer.projection);
  for (let e = 0; e < projection.data.length; e++) projection.data[e] /= n;
  return { wk: copy(layer.wk), wq: copy(layer.wq), wv: copy(layer.wv), projection };
}
