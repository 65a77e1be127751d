import { assertShape, type Matrix, matrix } from "./matrix";
import { softmaxRows } from "./softmax";

/**
 * The modern (continuous) Hopfield network of Ramsauer et al. (2020), "Hopfield Networks is All
 * You Need". Stored patterns x_1 … x_N ∈ ℝ^d are the rows of `patterns` [N, d]; with X = [x_1 … x_N]
 * as columns, one update of a state ξ ∈ ℝ^d is
 *
 *   ξ_new = X softmax(β Xᵀ ξ)
 *
 * and it never increases the energy
 *
 *   E(ξ) = −lse(β, Xᵀξ) + ½ ξᵀξ + β⁻¹ log N + ½ M²,   lse(β, z) = β⁻¹ log Σ_i exp(β z_i),
 *   M = max_i ‖x_i‖.
 *
 * States are rows here (as tokens are in attention), so for states Ξ [M, d] the update reads
 * `Ξ_new = softmaxRows(β Ξ Xᵀ) X`: exactly one head of attention whose queries are the states and
 * whose keys and values are the patterns.
 */

/** Steps one call may take: a trajectory longer than this is not something a figure shows. */
export const MAX_HOPFIELD_STEPS = 64;
/** Largest |entry| of a pattern or state, and largest β: keeps β·xᵀξ finite in float32 on the GPU. */
export const MAX_HOPFIELD_ENTRY = 1e6;
export const MAX_HOPFIELD_BETA = 1e4;

export interface HopfieldParams {
  /** Stored patterns x_i as rows, [N, d]. */
  patterns: Matrix;
  /** Starting states ξ as rows, [M, d]. */
  states: Matrix;
  /** Inverse temperature β > 0. */
  beta: number;
  /** Number of updates ξ ← X softmax(β Xᵀ ξ). */
  steps: number;
}

export interface HopfieldResult {
  /** The states after each step, [M, d] each (`steps` of them; state 0 is the input). */
  states: Matrix[];
  /** The weights softmax(β Xᵀ ξ_{t−1}) over the patterns that produced step t, [M, N] each. */
  weights: Matrix[];
  /** E(ξ_t) for t = 0 … steps: row m is state m's energy before any step and after each, [M, steps + 1]. */
  energies: Matrix;
}

/** Validates `p` (shared with the tfjs engine, so both reject the same inputs with the same words). */
export function checkHopfieldParams(p: HopfieldParams): { n: number; d: number; m: number } {
  const { patterns, states, beta, steps } = p;
  const n = patterns.rows;
  const d = patterns.cols;
  if (n < 1) throw new RangeError("hopfield: need at least one stored pattern (N ≥ 1)");
  if (d < 1) throw new RangeError("hopfield: patterns need at least one entry (d ≥ 1)");
  if (states.rows < 1) throw new RangeError("hopfield: need at least one state ξ");
  assertShape(states, states.rows, d, "hopfield: states ξ [M, d]");
  if (!Number.isFinite(beta) || beta <= 0 || beta > MAX_HOPFIELD_BETA) {
    throw new RangeError(`hopfield: β must be a number in (0, ${MAX_HOPFIELD_BETA}], got ${beta}`);
  }
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_HOPFIELD_STEPS) {
    throw new RangeError(
      `hopfield: steps must be a whole number in [0, ${MAX_HOPFIELD_STEPS}], got ${steps}`,
    );
  }
  checkEntries(patterns, "patterns");
  checkEntries(states, "states ξ");
  return { n, d, m: states.rows };
}

function checkEntries(m: Matrix, what: string): void {
  for (const value of m.data) {
    if (!(Math.abs(value) <= MAX_HOPFIELD_ENTRY)) {
      throw new RangeError(
        `hopfield: ${what} must be finite numbers with |value| ≤ ${MAX_HOPFIELD_ENTRY}, got ${value}`,
      );
    }
  }
}

/** The similarities `S = Ξ Xᵀ`, [M, N]: S[m][i] = x_iᵀ ξ_m. */
function similarities(patterns: Matrix, states: Matrix): Matrix {
  const { rows: n, cols: d } = patterns;
  const out = matrix(states.rows, n);
  for (let m = 0; m < states.rows; m++) {
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += states.data[m * d + j] * patterns.data[i * d + j];
      out.data[m * n + i] = dot;
    }
  }
  return out;
}

/** ‖x_i‖² of every pattern, length N. */
function squaredNorms(patterns: Matrix): number[] {
  return Array.from({ length: patterns.rows }, (_, i) => {
    let sq = 0;
    for (let j = 0; j < patterns.cols; j++) sq += patterns.data[i * patterns.cols + j] ** 2;
    return sq;
  });
}

/**
 * The energy of each state (rows of `states` [M, d]) for the patterns [N, d] at inverse
 * temperature β: `E(ξ) = −lse(β, Xᵀξ) + ½ξᵀξ + β⁻¹ log N + ½M²` → length M.
 *
 * Written without cancellation, because the float32 engine must match it: with s_i = x_iᵀξ and
 * k = arg max_i s_i,
 *
 *   E(ξ) = ½‖ξ − x_k‖² + ½(M² − ‖x_k‖²) − β⁻¹ log1p(mean_i expm1(β(s_i − s_k))).
 *
 * (Expand ½‖ξ − x_k‖² = ½ξᵀξ − s_k + ½‖x_k‖², and −lse + β⁻¹ log N = −s_k − β⁻¹ log mean_i
 * exp(β(s_i − s_k)).) The textbook form subtracts terms of size s_k and β⁻¹ log N that nearly
 * cancel near a retrieved pattern and at small β; here every exponent is ≤ 0 and each term is
 * small when the energy is.
 */
export function hopfieldEnergy(patterns: Matrix, states: Matrix, beta: number): number[] {
  checkHopfieldParams({ patterns, states, beta, steps: 0 });
  return energiesOf(patterns, similarities(patterns, states), states, beta, squaredNorms(patterns));
}

function energiesOf(patterns: Matrix, s: Matrix, states: Matrix, beta: number, norms: number[]): number[] {
  const { rows: n, cols: d } = patterns;
  const maxNormSq = Math.max(...norms);
  return Array.from({ length: states.rows }, (_, m) => {
    let k = 0;
    for (let i = 1; i < n; i++) if (s.data[m * n + i] > s.data[m * n + k]) k = i;
    let meanExpm1 = 0;
    for (let i = 0; i < n; i++) meanExpm1 += Math.expm1(beta * (s.data[m * n + i] - s.data[m * n + k]));
    meanExpm1 /= n;
    let distanceSq = 0;
    for (let j = 0; j < d; j++) distanceSq += (states.data[m * d + j] - patterns.data[k * d + j]) ** 2;
    return distanceSq / 2 + (maxNormSq - norms[k]) / 2 - Math.log1p(meanExpm1) / beta;
  });
}

/**
 * `steps` synchronous updates `Ξ ← softmaxRows(β Ξ Xᵀ) X` of every state, with the weights used
 * at each step and the energy before and after each. Shapes: patterns [N, d], states [M, d] →
 * states [M, d] × steps, weights [M, N] × steps, energies [M, steps + 1].
 *
 * β → 0 sends every weight to 1/N, so one step lands on the mean of the patterns; β → ∞ makes the
 * softmax a one-hot arg max, so one step lands on the pattern most similar to ξ.
 * Throws a RangeError for empty or mismatched shapes, β outside (0, 1e4], a bad step count, or
 * entries that are not finite (or exceed 1e6 in size).
 */
export function hopfieldRetrieve(p: HopfieldParams): HopfieldResult {
  const { n, d, m } = checkHopfieldParams(p);
  const { patterns, beta } = p;
  const norms = squaredNorms(patterns);
  const states: Matrix[] = [];
  const weights: Matrix[] = [];
  const energies = matrix(m, p.steps + 1);
  let current = p.states;
  for (let t = 0; t <= p.steps; t++) {
    const s = similarities(patterns, current);
    energiesOf(patterns, s, current, beta, norms).forEach((e, row) => {
      energies.data[row * (p.steps + 1) + t] = e;
    });
    if (t === p.steps) break;
    for (let k = 0; k < s.data.length; k++) s.data[k] *= beta;
    const w = softmaxRows(s);
    const next = matrix(m, d);
    for (let row = 0; row < m; row++) {
      for (let i = 0; i < n; i++) {
        const wi = w.data[row * n + i];
        for (let j = 0; j < d; j++) next.data[row * d + j] += wi * patterns.data[i * d + j];
      }
    }
    weights.push(w);
    states.push(next);
    current = next;
  }
  return { states, weights, energies };
}
