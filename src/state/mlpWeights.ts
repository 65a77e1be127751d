import { type Matrix, matrix } from "../core/matrix";
import { createRng } from "../core/rng";

/** Hidden units of the essay's fixed MLP: enough for varied on/off patterns, few enough to read. */
export const MLP_HIDDEN = 6;
/** The seed the essay's MLP is drawn from; part of the widget's shareable state. */
export const DEFAULT_MLP_SEED = 2017;

/** The fixed parameters of `σ(XAᵀ)Bᵀ`. */
export interface MlpWeights {
  /** First layer `A [hidden, d_in]`: row h is the direction hidden unit h responds to. */
  a: Matrix;
  /** Second layer `B [d_out, hidden]`: column h is where unit h pushes the output. */
  b: Matrix;
}

/**
 * Draws A and B from a seeded normal distribution, scaled as in Glorot/He initialisation so a
 * token in [−1, 1]² gives pre-activations of order 1 and outputs that stay near the plane:
 * `A_hj ~ N(0, 2/d_in)`, `B_oh ~ N(0, 1/hidden)`. The same seed always gives the same matrices.
 *
 * Shapes: `A [hidden, dIn]`, `B [dOut, hidden]`.
 */
export function createMlpWeights(seed: number, hidden = MLP_HIDDEN, dIn = 2, dOut = 2): MlpWeights {
  const rng = createRng(seed);
  const a = matrix(hidden, dIn);
  const b = matrix(dOut, hidden);
  const aScale = Math.sqrt(2 / dIn);
  const bScale = Math.sqrt(1 / hidden);
  for (let k = 0; k < a.data.length; k++) a.data[k] = rng.normal() * aScale;
  for (let k = 0; k < b.data.length; k++) b.data[k] = rng.normal() * bScale;
  return { a, b };
}
