import { type Matrix, toRows } from "../../core/matrix";
import type { PooledImage } from "../../core/pooledAttention";
import { hoveredWeight, type LargeAttentionState, limitMessage } from "../../state/largeAttentionStore";

interface PooledValue {
  /** Pooled values, one row per pixel row (−Infinity where a block is all masked). */
  image: number[][];
  rowEdges: number[];
  colEdges: number[];
}

/** What a host page reads from the LargeAttention root element as `element.value`. */
export interface LargeAttentionFigureValue {
  n: number;
  d: number;
  k: number;
  seed: number;
  pooling: string;
  causal: boolean;
  centres: [number, number][];
  view: { rowStart: number; colStart: number; rows: number; cols: number };
  hover: { row: number; col: number } | null;
  /** The hovered entry's exact weight A[i][j], read back with its row; null until it lands. */
  hoveredWeight: number | null;
  /** Why nothing is computed (n past a forced backend's cap), or null. */
  limit: string | null;
  /** The newest result: its own n and view, and what it cost. */
  result: {
    n: number;
    view: {
      rowStart: number;
      colStart: number;
      rows: number;
      cols: number;
      maxPixels: number;
      pooling: string;
    };
    row: number | null;
    scores: PooledValue;
    weights: PooledValue;
    scoreRange: [number, number];
    rowWeights: number[] | null;
    bytesRead: number;
    backend: string;
    reason: string;
    ms: number;
  } | null;
  computeError: string | null;
  resultVersion: number;
}

const pooled = (p: PooledImage): PooledValue => ({
  image: toRows(p.image),
  rowEdges: [...p.rowEdges],
  colEdges: [...p.colEdges],
});
const rowOf = (m: Matrix | null) => (m ? Array.from(m.data) : null);

export function figureValue(s: LargeAttentionState): LargeAttentionFigureValue {
  const r = s.result;
  return {
    n: s.n,
    d: s.d,
    k: s.k,
    seed: s.seed,
    pooling: s.pooling,
    causal: s.causal,
    centres: s.centres.map(([x, y]) => [x, y]),
    view: { ...s.view },
    hover: s.hover ? { ...s.hover } : null,
    hoveredWeight: hoveredWeight(s),
    limit: limitMessage(s),
    result: r
      ? {
          n: r.job.n,
          view: { ...r.job.view },
          row: r.job.row,
          scores: pooled(r.scores),
          weights: pooled(r.weights),
          scoreRange: [r.scoreRange[0], r.scoreRange[1]],
          rowWeights: rowOf(r.rowWeights),
          bytesRead: r.bytesRead,
          backend: r.backend,
          reason: r.reason,
          ms: r.ms,
        }
      : null,
    computeError: s.computeError,
    resultVersion: s.resultVersion,
  };
}
