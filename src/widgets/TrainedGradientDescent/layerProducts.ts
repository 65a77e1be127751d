import { constructGdLayer, type LsaLayer } from "../../core/linearSelfAttention";
import { matmul, matmulTransposeB } from "../../core/matmul";
import { identity, type Matrix, matrix } from "../../core/matrix";
import { optimalOneStepGd } from "../../core/regressionReferences";
import type { RegressionTaskOptions } from "../../core/regressionTasks";
import type { GdSnapshot } from "../../core/training";

/**
 * What a linear self-attention layer computes with. Its scores are e_j·M·e_iᵀ and its values
 * e_i·B, so W_Q and W_K matter only through M and W_V and P only through B: W_Q·G with W_K·G⁻ᵀ
 * is the same layer for any invertible G, and so is W_V·G with G⁻¹·P.
 */
export interface LayerProducts {
  /** M = W_Q·W_Kᵀ [D, D], D = d + 1. */
  scores: Matrix;
  /** B = W_V·P [D, D]. */
  values: Matrix;
}

export function layerProducts(layer: LsaLayer): LayerProducts {
  return { scores: matmulTransposeB(layer.wq, layer.wk), values: matmul(layer.wv, layer.projection) };
}

const scaled = (m: Matrix, c: number) =>
  matrix(
    m.rows,
    m.cols,
    m.data.map((x) => x * c),
  );

/** tr(M_xx): the trace of the first d rows and columns. */
function inputTrace(m: Matrix, d: number): number {
  let trace = 0;
  for (let a = 0; a < d; a++) trace += m.data[a * m.cols + a];
  return trace;
}

/**
 * The products with the one freedom they still share removed: c·M with B/c is the same layer for
 * any c ≠ 0. c = d / tr(M_xx) gives M's input block the trace d of the construction (M_xx = I);
 * with tr(M_xx) ≈ 0 (an untrained layer) the products are returned as they are (c = 1).
 */
export function balancedProducts(products: LayerProducts, d: number): LayerProducts & { scale: number } {
  const trace = inputTrace(products.scores, d);
  const largest = Math.max(...products.scores.data.map(Math.abs), 0);
  const scale = Math.abs(trace) > 1e-6 * Math.max(1, largest * d) ? d / trace : 1;
  return { scores: scaled(products.scores, scale), values: scaled(products.values, 1 / scale), scale };
}

/** The learned layer next to Part II's construction, ready to draw. */
export interface GdComparison {
  /** The learned products, balanced (see balancedProducts); `scale` is the c used. */
  learned: LayerProducts & { scale: number };
  /** constructGdLayer(d, 1, η*, N): M = diag(I_d, 0), B = −η* / N on the y entry. */
  constructed: LayerProducts;
  /** The learned preconditioner A [d, d]. */
  preconditioner: Matrix;
  /** η*·I [d, d]: a plain gradient step with the best learning rate. */
  plainStep: Matrix;
  optimalEta: number;
}

/**
 * Reads a gd snapshot against the construction for `task` (the snapshot's P is in Part II's
 * raw-sum convention, P/N, like constructGdLayer's).
 */
export function gdComparison(snapshot: GdSnapshot, task: RegressionTaskOptions): GdComparison {
  const d = task.inputDim;
  const { eta } = optimalOneStepGd(task);
  return {
    learned: balancedProducts(layerProducts(snapshot.layer), d),
    constructed: layerProducts(constructGdLayer(d, 1, eta, task.examples)),
    preconditioner: snapshot.preconditioner,
    plainStep: scaled(identity(d), eta),
    optimalEta: eta,
  };
}

/** The largest |entry| of both matrices: one diverging colour scale for a pair drawn side by side. */
export function sharedExtent(a: Matrix, b: Matrix): number {
  let m = 0;
  for (const x of a.data) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  for (const x of b.data) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m > 0 ? m : 1;
}
