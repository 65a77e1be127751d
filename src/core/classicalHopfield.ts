import { type Matrix, matrix } from "./matrix";

/**
 * The classical binary Hopfield network (Hopfield 1982): ±1 patterns x_1 … x_N ∈ {−1, +1}^d are
 * written into one fixed weight matrix by the Hebbian outer-product rule, and a state is read
 * back by thresholding the weighted input of every unit.
 */

/**
 * Hebbian weights `W = Σ_i x_i x_iᵀ` with the diagonal set to 0 (no unit feeds itself), from
 * patterns as rows [N, d] → W [d, d], symmetric. Unscaled: the 1/d or 1/N factors some texts
 * use do not change a sign.
 */
export function hebbianWeights(patterns: Matrix): Matrix {
  const { rows: n, cols: d } = patterns;
  const w = matrix(d, d);
  for (let i = 0; i < n; i++) {
    const x = patterns.data.subarray(i * d, (i + 1) * d);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) if (a !== b) w.data[a * d + b] += x[a] * x[b];
    }
  }
  return w;
}

/** sign with sign(0) = +1, so every unit of a binary state is ±1 (a tie never leaves a 0). */
export const signPlus = (value: number): 1 | -1 => (value >= 0 ? 1 : -1);

/**
 * One synchronous update of every state (rows of `states` [M, d]) with weights W [d, d]:
 * `ξ_new = sign(W ξ)` (sign(0) = +1), i.e. rows `sign(Ξ Wᵀ)` → [M, d]. All units change at
 * once, which is the one-step recall the capacity figure compares.
 */
export function signUpdate(weights: Matrix, states: Matrix): Matrix {
  const d = weights.rows;
  if (weights.cols !== d || states.cols !== d) {
    throw new RangeError(
      `signUpdate: W [d, d] and states [M, d] disagree: W is [${weights.rows}, ${weights.cols}], states have ${states.cols} columns`,
    );
  }
  const out = matrix(states.rows, d);
  for (let m = 0; m < states.rows; m++) {
    for (let a = 0; a < d; a++) {
      let field = 0;
      for (let b = 0; b < d; b++) field += weights.data[a * d + b] * states.data[m * d + b];
      out.data[m * d + a] = signPlus(field);
    }
  }
  return out;
}
