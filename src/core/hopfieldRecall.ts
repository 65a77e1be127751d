import { hebbianWeights, signPlus, signUpdate } from "./classicalHopfield";
import { checkHopfieldParams } from "./hopfield";
import { type Matrix, matrix } from "./matrix";
import { createRng, type Rng } from "./rng";
import { softmaxRows } from "./softmax";

/**
 * The capacity experiment: store N random ±1 patterns, corrupt each by flipping a fixed number of
 * pixels, apply ONE update, and count the patterns recovered exactly. The modern update
 * `X softmax(β Xᵀ ξ)` gives real numbers, so both rules are read out the same way: the recalled
 * pattern is sign(ξ_new) (sign(0) = +1), and it counts only if every pixel matches.
 */

/** N random patterns in {−1, +1}^d, each pixel a fair coin: [N, d]. */
export function randomSignPatterns(rng: Rng, n: number, d: number): Matrix {
  return matrix(
    n,
    d,
    Array.from({ length: n * d }, () => (rng.next() < 0.5 ? -1 : 1)),
  );
}

/**
 * `count` distinct pixel indices out of d, chosen uniformly (a partial Fisher–Yates shuffle), in
 * the order drawn. count is clamped to [0, d].
 */
export function choosePixels(rng: Rng, d: number, count: number): number[] {
  const order = Array.from({ length: d }, (_, i) => i);
  const k = Math.max(0, Math.min(d, Math.floor(count)));
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (d - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, k);
}

/** Each pattern with its own random `flips` pixels negated: the corrupted queries, [N, d]. */
export function corruptPatterns(rng: Rng, patterns: Matrix, flips: number): Matrix {
  const queries = matrix(patterns.rows, patterns.cols, patterns.data);
  for (let i = 0; i < patterns.rows; i++) {
    for (const j of choosePixels(rng, patterns.cols, flips)) queries.data[i * patterns.cols + j] *= -1;
  }
  return queries;
}

/** Which queries each rule sent back to their own pattern in one step. */
export interface OneStepRecall {
  /** Row k: sign(X softmax(β Xᵀ ξ_k)) equals pattern k in every pixel. */
  modern: boolean[];
  /** Row k: sign(W ξ_k) with Hebbian W equals pattern k in every pixel. */
  classical: boolean[];
}

const matchesRow = (state: Matrix, target: Matrix, row: number) => {
  const d = target.cols;
  for (let j = 0; j < d; j++) {
    if (signPlus(state.data[row * d + j]) !== target.data[row * d + j]) return false;
  }
  return true;
};

/**
 * One modern update `Ξ_new = softmaxRows(β Ξ Xᵀ) X` for every row of `queries` [M, d] → [M, d]:
 * `hopfieldRetrieve` with steps = 1, minus the energies, which the capacity sweep (thousands of
 * queries per slider move) does not need. Tested against the same numpy golden values.
 */
export function modernStep(patterns: Matrix, queries: Matrix, beta: number): Matrix {
  checkHopfieldParams({ patterns, states: queries, beta, steps: 1 });
  const { rows: n, cols: d } = patterns;
  const logits = matrix(queries.rows, n);
  for (let m = 0; m < queries.rows; m++) {
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += queries.data[m * d + j] * patterns.data[i * d + j];
      logits.data[m * n + i] = beta * dot;
    }
  }
  const weights = softmaxRows(logits);
  const out = matrix(queries.rows, d);
  for (let m = 0; m < queries.rows; m++) {
    for (let i = 0; i < n; i++) {
      const w = weights.data[m * n + i];
      for (let j = 0; j < d; j++) out.data[m * d + j] += w * patterns.data[i * d + j];
    }
  }
  return out;
}

/**
 * One-step recall of pattern k from query k (rows of `queries` [N, d] corrupt the rows of
 * `patterns` [N, d] in the same order), for the modern rule at inverse temperature β and for
 * the classical rule sign(Wξ), W = Σ_i x_i x_iᵀ with zero diagonal.
 */
export function oneStepRecall(patterns: Matrix, queries: Matrix, beta: number): OneStepRecall {
  const modern = modernStep(patterns, queries, beta);
  const classical = signUpdate(hebbianWeights(patterns), queries);
  const rows = Array.from({ length: patterns.rows }, (_, k) => k);
  return {
    modern: rows.map((k) => matchesRow(modern, patterns, k)),
    classical: rows.map((k) => matchesRow(classical, patterns, k)),
  };
}

export interface RecallCurveParams {
  /** Pixels per pattern. */
  d: number;
  /** The numbers of stored patterns N to try, each ≥ 1. */
  counts: readonly number[];
  /** Fraction of the d pixels flipped in every query, in [0, 1]; round(fraction · d) pixels. */
  flipFraction: number;
  /** Inverse temperature of the modern rule. */
  beta: number;
  seed: number;
  /** At least this many queries per N: fresh pattern sets are drawn until it is reached. */
  minQueries: number;
}

export interface RecallCurve {
  counts: number[];
  /** Fraction of queries recalled exactly at each N, modern rule. */
  modern: number[];
  /** The same for the classical rule. */
  classical: number[];
  /** Queries tested at each N. */
  queries: number[];
}

/**
 * The fraction of corrupted queries each rule recalls exactly in one step, for every N in
 * `counts`. Seeded per (seed, N), so a point does not move when other N are added or removed.
 */
export function recallCurve(p: RecallCurveParams): RecallCurve {
  const flips = Math.round(Math.min(1, Math.max(0, p.flipFraction)) * p.d);
  const out: RecallCurve = { counts: [...p.counts], modern: [], classical: [], queries: [] };
  for (const n of p.counts) {
    const rng = createRng((p.seed ^ Math.imul(n, 0x9e3779b1)) >>> 0);
    let modern = 0;
    let classical = 0;
    let tested = 0;
    while (tested < Math.max(1, p.minQueries)) {
      const patterns = randomSignPatterns(rng, n, p.d);
      const recall = oneStepRecall(patterns, corruptPatterns(rng, patterns, flips), p.beta);
      modern += recall.modern.filter(Boolean).length;
      classical += recall.classical.filter(Boolean).length;
      tested += n;
    }
    out.modern.push(modern / tested);
    out.classical.push(classical / tested);
    out.queries.push(tested);
  }
  return out;
}
