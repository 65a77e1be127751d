import type { Normalisation } from "../../core/attention";
import { convexHull, insideConvexPolygon } from "../../core/hull";
import type { Matrix } from "../../core/matrix";
import type { AttentionState } from "../../state/attentionStore";
import { currentResult } from "./currentResult";

/** The sums of each row and each column of an n × n weights matrix. */
export function weightSums(weights: Matrix): { rows: number[]; columns: number[] } {
  const { rows: n, cols: m, data } = weights;
  const rows = new Array<number>(n).fill(0);
  const columns = new Array<number>(m).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      rows[i] += data[i * m + j];
      columns[j] += data[i * m + j];
    }
  }
  return { rows, columns };
}

/** Up to this many sums are listed one by one; beyond it, their range is given instead. */
const LISTED = 10;

function describeSums(sums: readonly number[]): string {
  const shown = sums.map((s) => s.toFixed(2));
  if (shown.every((s) => s === shown[0])) return sums.length === 1 ? shown[0] : `all ${shown[0]}`;
  if (sums.length <= LISTED) return shown.join(", ");
  return `from ${Math.min(...sums).toFixed(2)} to ${Math.max(...sums).toFixed(2)}`;
}

/** "row sums: all 1.00 · column sums: 0.52, 1.87, …", from the weights on screen. */
export function sumsReadout(s: AttentionState): string {
  const result = currentResult(s);
  if (!result) return "";
  const { rows, columns } = weightSums(result.weights);
  return `Row sums: ${describeSums(rows)}. Column sums: ${describeSums(columns)}.`;
}

/**
 * Whether output `row` lies in the convex hull of the value points. GPU results are float32, so
 * points within a small distance (relative to the values' size) of the hull count as inside.
 */
export function outputInHull(out: Matrix, values: Matrix, row: number): boolean {
  let size = 1;
  for (const c of values.data) if (Number.isFinite(c)) size = Math.max(size, Math.abs(c));
  return insideConvexPolygon(
    convexHull(values),
    out.data[row * out.cols],
    out.data[row * out.cols + 1],
    1e-5 * size,
  );
}

const WHY_OUTSIDE: Record<Normalisation, string> = {
  rows: "",
  columns: "its row of weights need not sum to 1",
  all: "its row of weights sums to far less than 1",
};

/** For the selected token: does its output lie inside the hull of the values, and why. */
export function hullReadout(s: AttentionState): string {
  const result = currentResult(s);
  const row = s.selectedRow;
  if (!result || row === null || result.out.cols < 2) return "";
  const token = `“${s.tokens[row]}”`;
  let rowSum = 0;
  for (let j = 0; j < result.weights.cols; j++) rowSum += result.weights.data[row * result.weights.cols + j];
  if (rowSum === 0) {
    return `${token} has no key left to attend to: its weights are all 0 and its output is the zero vector.`;
  }
  const inside = outputInHull(result.out, result.v, row);
  const because = !inside && WHY_OUTSIDE[s.normalisation] ? ` (${WHY_OUTSIDE[s.normalisation]})` : "";
  return `The output of ${token} lies inside the convex hull of the values: ${inside ? "yes" : "no"}${because}.`;
}
