import type { MatrixView } from "../core/pooledAttention";

/** The block of the n × n matrix on screen: rows rowStart…rowStart+rows−1, likewise columns. */
export type ZoomView = Pick<MatrixView, "rowStart" | "colStart" | "rows" | "cols">;

/** The smallest block a zoom goes down to, per side: a few entries, each then its own pixel. */
export const MIN_ZOOM_ENTRIES = 4;

/** The whole n × n matrix. */
export function fullView(n: number): ZoomView {
  return { rowStart: 0, colStart: 0, rows: n, cols: n };
}

export function isFullView(view: ZoomView, n: number): boolean {
  return view.rowStart === 0 && view.colStart === 0 && view.rows === n && view.cols === n;
}

export function sameView(a: ZoomView, b: ZoomView): boolean {
  return a.rowStart === b.rowStart && a.colStart === b.colStart && a.rows === b.rows && a.cols === b.cols;
}

/** One axis made valid: a whole length in [min(MIN, n), n], and a whole start keeping it inside 0…n−1. */
function clampAxis(start: number, length: number, n: number): [number, number] {
  const len = Math.min(
    n,
    Math.max(Math.min(MIN_ZOOM_ENTRIES, n), Math.round(Number.isFinite(length) ? length : n)),
  );
  const first = Math.min(n - len, Math.max(0, Math.round(Number.isFinite(start) ? start : 0)));
  return [first, len];
}

/** `view` made valid for an n × n matrix (a view kept across a change of n shrinks into it). */
export function clampView(view: ZoomView, n: number): ZoomView {
  const [rowStart, rows] = clampAxis(view.rowStart, view.rows, n);
  const [colStart, cols] = clampAxis(view.colStart, view.cols, n);
  return { rowStart, colStart, rows, cols };
}

/**
 * Zooms by `factor` per side (0.5: twice as close; 2: twice as far) keeping entry (row, col)
 * where it is on screen, so the cell under the cursor stays under it.
 */
export function zoomAround(view: ZoomView, n: number, row: number, col: number, factor: number): ZoomView {
  const axis = (start: number, length: number, at: number): [number, number] => {
    const fraction = (at + 0.5 - start) / length;
    const next = Math.round(length * factor);
    return [at + 0.5 - fraction * next, next];
  };
  const [rowStart, rows] = axis(view.rowStart, view.rows, row);
  const [colStart, cols] = axis(view.colStart, view.cols, col);
  return clampView({ rowStart, colStart, rows, cols }, n);
}

/** The entry under a point at fractions (fx, fy) ∈ [0, 1] across the drawn block (x: columns, y: rows). */
export function entryAt(view: ZoomView, fx: number, fy: number): { row: number; col: number } {
  const pick = (start: number, length: number, f: number) =>
    start + Math.min(length - 1, Math.max(0, Math.floor((Number.isFinite(f) ? f : 0) * length)));
  return { row: pick(view.rowStart, view.rows, fy), col: pick(view.colStart, view.cols, fx) };
}

/**
 * The view a dragged rectangle selects: every entry it touches, from corner `from` to corner `to`
 * (fractions across the current block, in either order).
 */
export function viewFromRect(
  view: ZoomView,
  n: number,
  from: readonly [number, number],
  to: readonly [number, number],
): ZoomView {
  const a = entryAt(view, Math.min(from[0], to[0]), Math.min(from[1], to[1]));
  const b = entryAt(view, Math.max(from[0], to[0]), Math.max(from[1], to[1]));
  const grow = (first: number, last: number): [number, number] => {
    const length = Math.max(last - first + 1, Math.min(MIN_ZOOM_ENTRIES, n));
    // A rectangle smaller than the minimum grows around its middle.
    return [Math.floor((first + last + 1) / 2 - length / 2), length];
  };
  const [rowStart, rows] = grow(a.row, b.row);
  const [colStart, cols] = grow(a.col, b.col);
  return clampView({ rowStart, colStart, rows, cols }, n);
}

/** The pixel whose block holds entry `index`: the r with edges[r] ≤ index < edges[r + 1] (binary search). */
export function pixelOf(edges: readonly number[], index: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
