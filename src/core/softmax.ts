import { type Matrix, matrix } from "./matrix";

/**
 * Softmax over one group of entries of `src`, written into `dst` at the same positions:
 * entries `start, start + stride, …` (`count` of them).
 *
 * Stable form: `w_j = exp(z_j − max z) / Σ_t exp(z_t − max z)`. Subtracting the maximum keeps
 * every exponent ≤ 0, so logits of 1e3 do not overflow to Infinity (and then NaN).
 * Masked entries (−Infinity) get weight exactly 0; a group that is entirely masked gets all
 * zeros rather than 0/0 = NaN. If some entries are +Infinity they share the weight equally (the
 * limit of softmax as those logits grow), again avoiding ∞ − ∞. NaN logits stay NaN.
 */
function softmaxGroup(src: Float64Array, dst: Float64Array, start: number, count: number, stride: number) {
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < count; t++) {
    const z = src[start + t * stride];
    if (z > max || Number.isNaN(z)) max = z;
    if (Number.isNaN(z)) break;
  }
  if (Number.isNaN(max)) {
    for (let t = 0; t < count; t++) dst[start + t * stride] = Number.NaN;
    return;
  }
  if (max === Number.NEGATIVE_INFINITY) {
    for (let t = 0; t < count; t++) dst[start + t * stride] = 0;
    return;
  }
  if (max === Number.POSITIVE_INFINITY) {
    let ties = 0;
    for (let t = 0; t < count; t++) if (src[start + t * stride] === max) ties++;
    for (let t = 0; t < count; t++) dst[start + t * stride] = src[start + t * stride] === max ? 1 / ties : 0;
    return;
  }
  let sum = 0;
  for (let t = 0; t < count; t++) {
    // exp(−Infinity) is exactly 0, so masked entries drop out with no special case.
    const e = Math.exp(src[start + t * stride] - max);
    dst[start + t * stride] = e;
    sum += e;
  }
  // sum ≥ 1 because the maximum contributes exp(0) = 1, so this division is always safe.
  for (let t = 0; t < count; t++) dst[start + t * stride] /= sum;
}

/**
 * Row-wise softmax: `W[i][j] = exp(Z[i][j]) / Σ_t exp(Z[i][t])`, shape `[n, m] → [n, m]`.
 * Each row of the result sums to 1 (or is all zeros if the whole row is −Infinity).
 * This is the normalisation attention uses: each token's weights over the others sum to 1.
 */
export function softmaxRows(logits: Matrix): Matrix {
  const out = matrix(logits.rows, logits.cols);
  for (let i = 0; i < logits.rows; i++) softmaxGroup(logits.data, out.data, i * logits.cols, logits.cols, 1);
  return out;
}

/**
 * Column-wise softmax: `W[i][j] = exp(Z[i][j]) / Σ_t exp(Z[t][j])`, shape `[n, m] → [n, m]`.
 * Each column sums to 1: every key distributes itself over the queries instead.
 */
export function softmaxColumns(logits: Matrix): Matrix {
  const out = matrix(logits.rows, logits.cols);
  for (let j = 0; j < logits.cols; j++) softmaxGroup(logits.data, out.data, j, logits.rows, logits.cols);
  return out;
}

/**
 * Softmax over the whole matrix: `W[i][j] = exp(Z[i][j]) / Σ_{s,t} exp(Z[s][t])`, shape kept.
 * All entries together sum to 1.
 */
export function softmaxAll(logits: Matrix): Matrix {
  const out = matrix(logits.rows, logits.cols);
  softmaxGroup(logits.data, out.data, 0, logits.data.length, 1);
  return out;
}
