import type { Matrix } from "../core/matrix";

/**
 * The largest |W⁽ᵏ⁾ − W⁽⁰⁾| over every entry of every parameter matrix and every input k: the
 * parameters the K computations actually received, compared with the first one's. 0 means the
 * same parameters served every input. Matrices of another shape count as Infinity.
 */
export function maxParameterDifference(perInput: readonly (readonly Matrix[])[]): number {
  let worst = 0;
  const first = perInput[0];
  for (const params of perInput) {
    params.forEach((m, p) => {
      const reference = first[p];
      if (!reference || reference.data.length !== m.data.length) {
        worst = Number.POSITIVE_INFINITY;
        return;
      }
      for (let e = 0; e < m.data.length; e++)
        worst = Math.max(worst, Math.abs(m.data[e] - reference.data[e]));
    });
  }
  return worst;
}

/**
 * How much the attention weights differ between inputs: the mean over all pairs k < l of
 * `mean_ij |A_k[i][j] − A_l[i][j]|`. Null with fewer than two inputs (nothing to compare).
 * All A must be [n, n] with the same n.
 */
export function meanWeightDifference(weights: readonly Matrix[]): number | null {
  if (weights.length < 2) return null;
  let total = 0;
  let pairs = 0;
  for (let k = 0; k < weights.length; k++) {
    for (let l = k + 1; l < weights.length; l++) {
      const a = weights[k].data;
      const b = weights[l].data;
      if (a.length !== b.length) throw new RangeError("meanWeightDifference: A matrices of different shapes");
      let sum = 0;
      for (let e = 0; e < a.length; e++) sum += Math.abs(a[e] - b[e]);
      total += sum / a.length;
      pairs += 1;
    }
  }
  return total / pairs;
}
