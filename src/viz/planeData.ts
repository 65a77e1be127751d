import type { Matrix } from "../core/matrix";
import type { PlaneData } from "./plane";
import type { ArrowSet } from "./planeArrows";
import type { MixingView } from "./planeMixing";
import type { Point } from "./planeOverrides";

/** The plane's inputs as points, and what each layer is drawn from (see plane.ts). */

/** Rows 0..n-1 of an [≥n, ≥2] matrix as points, or null; the same array while `m` and `n` are. */
export function createRowsMemo(): (m: Matrix | undefined, n: number) => Point[] | null {
  let last: { m: Matrix | undefined; n: number; rows: Point[] | null } | null = null;
  return (m, n) => {
    if (last && last.m === m && last.n === n) return last.rows;
    const rows =
      m && m.cols >= 2 && m.rows >= n
        ? Array.from({ length: n }, (_, i): Point => [m.data[i * m.cols], m.data[i * m.cols + 1]])
        : null;
    last = { m, n, rows };
    return rows;
  };
}

export function mixingView(
  m: PlaneData["mixing"],
  outputs: Point[],
  rowsOf: (m: Matrix, n: number) => Point[] | null,
  n: number,
): MixingView | null {
  if (!m) return null;
  const values = rowsOf(m.values, Math.min(n, m.values.rows)) ?? [];
  const inRange = Number.isInteger(m.row) && m.row >= 0 && m.row < outputs.length;
  return { row: m.row, weights: m.weights, values, output: inRange ? outputs[m.row] : null };
}

/** What the mixing marks are drawn from: callers pass a fresh weights array each time, so by value. */
export const mixingDeps = (view: MixingView | null): unknown[] =>
  view
    ? [
        view.row,
        view.values,
        view.output?.[0],
        view.output?.[1],
        ...view.values.map((_, j) => view.weights[j]),
      ]
    : [null];

/** Every coordinate drawn, for fitting the domain. */
export function coordinates(
  drawn: Point[],
  arrowSets: ArrowSet[],
  outputs: Point[],
  mixing: MixingView | null,
): number[] {
  const all: number[] = [];
  for (const p of drawn) all.push(p[0], p[1]);
  for (const set of arrowSets)
    set.vectors.forEach((v, i) => {
      all.push(drawn[i][0] + v[0], drawn[i][1] + v[1]);
    });
  for (const p of outputs) all.push(p[0], p[1]);
  for (const p of mixing?.values ?? []) all.push(p[0], p[1]);
  return all;
}
