import type { FastWeightResult } from "../core/fastWeightMemory";
import type { LinearAttentionResult } from "../core/fastWeights";
import { matmul } from "../core/matmul";
import { type Matrix, matrix } from "../core/matrix";
import { createRng } from "../core/rng";

/** d_k = d_v of the fast weight player: small enough that W_t's 16 cells are readable. */
export const MEMORY_DIM = 4;
/** The projections are fixed: one seed for every instance, so two readers see the same W_t. */
const PROJECTION_SEED = 2021;

export interface Projections {
  /** W_Q, W_K, W_V [2, MEMORY_DIM]: token embeddings (2-D, Part I's layout) to queries, keys, values. */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

/** The player's fixed projections, N(0, 1) entries from a constant seed. */
export function playerProjections(): Projections {
  const rng = createRng(PROJECTION_SEED);
  const draw = () =>
    matrix(
      2,
      MEMORY_DIM,
      Array.from({ length: 2 * MEMORY_DIM }, () => rng.normal()),
    );
  return { wq: draw(), wk: draw(), wv: draw() };
}

/** `Q = X·W_Q`, `K = X·W_K`, `V = X·W_V`, each [n, MEMORY_DIM]. */
export function projectTokens(points: Matrix, p: Projections): { q: Matrix; k: Matrix; v: Matrix } {
  return { q: matmul(points, p.wq), k: matmul(points, p.wk), v: matmul(points, p.wv) };
}

/**
 * The largest |read − attention| over row t (or every row when t is null): how far the fast
 * weight read `W_tφ(q_t)` is from causal linear attention's output row. NaN when a side is NaN.
 */
export function readDifference(
  memory: FastWeightResult,
  attention: LinearAttentionResult,
  t: number | null,
): number {
  const { reads } = memory;
  const out = attention.out;
  if (reads.rows !== out.rows || reads.cols !== out.cols) return Number.NaN;
  const from = t === null ? 0 : t * reads.cols;
  const to = t === null ? reads.data.length : (t + 1) * reads.cols;
  let worst = 0;
  for (let e = from; e < to; e++) {
    const gap = Math.abs(reads.data[e] - out.data[e]);
    if (Number.isNaN(gap)) return Number.NaN;
    worst = Math.max(worst, gap);
  }
  return worst;
}
