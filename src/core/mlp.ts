import { matmulTransposeB } from "./matmul";
import { type Matrix, matrix } from "./matrix";

/** Elementwise nonlinearity σ of the MLP's hidden layer. */
export type Activation = "relu" | "tanh" | "gelu";

/** Inputs to the fixed two-layer MLP `σ(XAᵀ)Bᵀ`, applied to each token (row of X) on its own. */
export interface MlpParams {
  /** Inputs, one row per token: `X [n, d_in]`. */
  x: Matrix;
  /** First-layer weights `A [hidden, d_in]`, fixed: they do not depend on X. */
  a: Matrix;
  /** Second-layer weights `B [d_out, hidden]`, fixed. */
  b: Matrix;
  /** The nonlinearity σ. */
  activation: Activation;
}

/** Every intermediate of the MLP. */
export interface MlpResult {
  /** `Z = XAᵀ`, `[n, hidden]`. */
  preActivations: Matrix;
  /** `H = σ(Z)`, `[n, hidden]`. */
  hidden: Matrix;
  /** `H·Bᵀ`, `[n, d_out]`. */
  out: Matrix;
}

// √(2/π), the constant of the tanh approximation to GELU.
const GELU_C = Math.sqrt(2 / Math.PI);

/**
 * σ(z) for one number.
 * - relu: `max(0, z)`
 * - tanh: `tanh(z)`
 * - gelu (tanh approximation, Hendrycks & Gimpel 2016): `0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))`
 */
export function activate(name: Activation, z: number): number {
  switch (name) {
    case "relu":
      return Math.max(z, 0);
    case "tanh":
      return Math.tanh(z);
    case "gelu":
      return 0.5 * z * (1 + Math.tanh(GELU_C * (z + 0.044715 * z * z * z)));
    default:
      throw new RangeError(`activate: unknown activation ${String(name)}`);
  }
}

/**
 * The fixed MLP `out = σ(XAᵀ)Bᵀ`, row by row: token i's output depends only on row i of X,
 * and the weights A and B are the same whatever the input.
 *
 * Shapes: `X [n, d_in]`, `A [hidden, d_in]`, `B [d_out, hidden]` → `Z, H [n, hidden]`, `out [n, d_out]`.
 * Throws a RangeError when the shapes disagree.
 */
export function mlp(p: MlpParams): MlpResult {
  const { x, a, b, activation } = p;
  if (a.cols !== x.cols) {
    throw new RangeError(`mlp: A [hidden, d_in]: expected ${x.cols} columns, got ${a.cols}`);
  }
  if (b.cols !== a.rows) {
    throw new RangeError(`mlp: B [d_out, hidden]: expected ${a.rows} columns, got ${b.cols}`);
  }
  const preActivations = matmulTransposeB(x, a);
  const hidden = matrix(preActivations.rows, preActivations.cols);
  for (let i = 0; i < hidden.data.length; i++) hidden.data[i] = activate(activation, preActivations.data[i]);
  const out = matmulTransposeB(hidden, b);
  return { preActivations, hidden, out };
}
