import { type Matrix, matrix } from "./matrix";

/*
 * The reference for the large-n view: an n × n score or weight matrix is too big to draw cell by
 * cell (n = 4096 is 16 M entries), so the part on screen is pooled into at most `maxPixels` pixels
 * per side. The engine pools on the GPU the same way; this is what it is tested against.
 */

/** How one pixel of the downsampled view summarises the block of entries it covers. */
export type Pooling = "max" | "mean";

/** The part of the n × n matrix on screen, and how finely it is drawn. */
export interface MatrixView {
  /** First row and column shown, inclusive. */
  rowStart: number;
  colStart: number;
  /** Rows and columns shown (the block is `rows × cols` entries), ≥ 1. */
  rows: number;
  cols: number;
  /** At most this many pixels per side; the block is pooled down to fit (never up). */
  maxPixels: number;
  pooling: Pooling;
}

/** A pooled block of a matrix: `image [h, w]`, pixel (r, c) covering `rowEdges[r]…rowEdges[r+1]−1` × `colEdges[c]…`. */
export interface PooledImage {
  image: Matrix;
  rowEdges: readonly number[];
  colEdges: readonly number[];
}

/** One axis of a pooled view: `count` entries from `start` in blocks of `block`, giving `pixels` pixels. */
export interface PoolAxis {
  block: number;
  pixels: number;
  /** `pixels + 1` edges: `start + i·block`, the last one `start + count` (the last block may be shorter). */
  edges: number[];
}

/** The pooling of one axis: `block = ⌈count / maxPixels⌉`, `pixels = ⌈count / block⌉`. */
export function poolAxis(start: number, count: number, maxPixels: number): PoolAxis {
  const block = Math.ceil(count / maxPixels);
  const pixels = Math.ceil(count / block);
  const edges = Array.from({ length: pixels + 1 }, (_, i) => Math.min(start + i * block, start + count));
  return { block, pixels, edges };
}

const isCount = (value: number) => Number.isInteger(value) && value >= 1;

/**
 * Throws a RangeError, in words, unless `view` is a block inside a `rows × cols` matrix with a
 * pixel budget ≥ 1 and a known pooling. Shared with the engine so both reject the same views.
 */
export function checkView(view: MatrixView, rows: number, cols: number): void {
  const { rowStart, colStart, maxPixels, pooling } = view;
  if (!Number.isInteger(rowStart) || !Number.isInteger(colStart) || rowStart < 0 || colStart < 0) {
    throw new RangeError(
      `view: the first row and column must be whole numbers ≥ 0, got ${rowStart}, ${colStart}`,
    );
  }
  if (!isCount(view.rows) || !isCount(view.cols)) {
    throw new RangeError(`view: needs at least one row and one column, got ${view.rows} × ${view.cols}`);
  }
  if (rowStart + view.rows > rows || colStart + view.cols > cols) {
    throw new RangeError(
      `view: rows ${rowStart}–${rowStart + view.rows - 1} and columns ${colStart}–${colStart + view.cols - 1} ` +
        `do not fit in a ${rows} × ${cols} matrix`,
    );
  }
  if (!isCount(maxPixels)) {
    throw new RangeError(`view: maxPixels must be a whole number ≥ 1, got ${maxPixels}`);
  }
  if (pooling !== "max" && pooling !== "mean") {
    throw new RangeError(`view: pooling must be max or mean, got ${String(pooling)}`);
  }
}

/**
 * Pools the block of `m` that `view` shows. With `b_r = ⌈rows / maxPixels⌉` (and `b_c` for
 * columns), pixel (r, c) summarises the entries `m[i][j]` with
 * `rowStart + r·b_r ≤ i < min(rowStart + (r+1)·b_r, rowStart + rows)` (and likewise j):
 *
 *   max:  the largest finite entry;   mean: the average of the finite entries;
 *   either is −Infinity when the block has no finite entry (e.g. all masked scores).
 *
 * Shapes: `m [R, C]` → `image [⌈rows / b_r⌉, ⌈cols / b_c⌉]`, edges one longer than each side.
 * Throws a RangeError if the view does not fit in `m` (see `checkView`).
 */
export function poolMatrix(m: Matrix, view: MatrixView): PooledImage {
  checkView(view, m.rows, m.cols);
  const rowAxis = poolAxis(view.rowStart, view.rows, view.maxPixels);
  const colAxis = poolAxis(view.colStart, view.cols, view.maxPixels);
  const image = matrix(rowAxis.pixels, colAxis.pixels);
  const mean = view.pooling === "mean";
  for (let r = 0; r < rowAxis.pixels; r++) {
    for (let c = 0; c < colAxis.pixels; c++) {
      let best = Number.NEGATIVE_INFINITY;
      let sum = 0;
      let count = 0;
      for (let i = rowAxis.edges[r]; i < rowAxis.edges[r + 1]; i++) {
        for (let j = colAxis.edges[c]; j < colAxis.edges[c + 1]; j++) {
          const value = m.data[i * m.cols + j];
          if (!Number.isFinite(value)) continue;
          if (value > best) best = value;
          sum += value;
          count += 1;
        }
      }
      const empty = count === 0;
      image.data[r * colAxis.pixels + c] = empty ? Number.NEGATIVE_INFINITY : mean ? sum / count : best;
    }
  }
  return { image, rowEdges: rowAxis.edges, colEdges: colAxis.edges };
}
