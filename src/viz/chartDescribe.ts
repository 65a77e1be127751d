import { type ChartScales, drawableY } from "./chartScales";
import type { ChartData, ChartSeries, ChartSeriesKind, Point } from "./chartTypes";
import { formatNumber } from "./svg";

/** Number formatting shared by the summary, the readout and the handles' aria text. */
export interface ChartFormat {
  x(value: number): string;
  y(value: number): string;
}

/**
 * x with `digits` decimals (whole numbers on an integer axis); y likewise, except that tiny
 * values and every value on a log axis keep `digits + 1` significant figures, so a loss of
 * 0.00012 does not print as "0.00".
 */
export function chartFormat(scales: ChartScales, digits = 2): ChartFormat {
  const d = Number.isInteger(digits) && digits >= 0 && digits <= 10 ? digits : 2;
  return {
    x: (v) => {
      if (scales.xFormat) return scales.xFormat(v);
      return scales.integer && Number.isInteger(v) ? String(v) : formatNumber(v, d);
    },
    y: (v) => {
      if (!Number.isFinite(v) || v === 0) return formatNumber(v, d);
      if (scales.log || Math.abs(v) < 10 ** -d) return String(Number(v.toPrecision(d + 1)));
      return formatNumber(v, d);
    },
  };
}

const kindNames: Readonly<Record<ChartSeriesKind, string>> = {
  line: "solid line",
  dashed: "dashed line",
  steps: "step line",
  points: "points",
};

const drawable = (p: readonly [number, number], log: boolean) =>
  Number.isFinite(p[0]) && drawableY(p[1], log);

/** One sentence per series: kind, how many points, x and y ranges, first and last point. */
function describeSeries(series: ChartSeries, scales: ChartScales, f: ChartFormat): string {
  const points = series.points.filter((p) => drawable(p, scales.log));
  const head = `${series.label} (${kindNames[series.kind]})`;
  if (points.length === 0) return `${head}: no points.`;
  const ys = points.map((p) => p[1]);
  const xs = points.map((p) => p[0]);
  const first = points[0];
  const last = points[points.length - 1];
  const count = points.length === 1 ? "1 point" : `${points.length} points`;
  const gaps =
    points.length < series.points.length ? `, ${series.points.length - points.length} missing` : "";
  return (
    `${head}: ${count}${gaps}, x from ${f.x(Math.min(...xs))} to ${f.x(Math.max(...xs))}, ` +
    `y from ${f.y(Math.min(...ys))} to ${f.y(Math.max(...ys))}; ` +
    `first y = ${f.y(first[1])} at x = ${f.x(first[0])}, last y = ${f.y(last[1])} at x = ${f.x(last[0])}.`
  );
}

/** The text of the chart's <desc>: axes, every series, the handles and the markers. */
export function describeChart(
  data: ChartData,
  scales: ChartScales,
  handles: readonly Point[],
  f: ChartFormat,
): string {
  const parts = [
    `${data.title}.`,
    `x axis: ${data.x.label}, from ${f.x(scales.xDomain[0])} to ${f.x(scales.xDomain[1])}.`,
    `y axis: ${data.y.label}${scales.log ? " (log scale)" : ""}, from ${f.y(scales.yDomain[0])} to ${f.y(scales.yDomain[1])}.`,
  ];
  for (const series of data.series) parts.push(describeSeries(series, scales, f));
  (data.handles ?? []).forEach((h, i) => {
    const [x, y] = handles[i] ?? [h.x, h.y];
    parts.push(`Draggable point ${h.label} at x = ${f.x(x)}, y = ${f.y(y)}.`);
  });
  for (const m of data.markers ?? []) parts.push(`Marker ${m.label} at x = ${f.x(m.x)}.`);
  return parts.join(" ");
}

/** The drawable point of `series` whose x is nearest to `x`, or null if it has none. */
export function nearestPoint(series: ChartSeries, x: number, log: boolean): readonly [number, number] | null {
  let best: readonly [number, number] | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const p of series.points) {
    if (!drawable(p, log)) continue;
    const d = Math.abs(p[0] - x);
    if (d < distance) {
      distance = d;
      best = p;
    }
  }
  return best;
}

/**
 * The readout line under the chart: at the hovered (or focused handle's) x, each series' nearest
 * point. A series whose nearest point lies at another x says where.
 */
export function readoutText(
  x: number,
  series: readonly ChartSeries[],
  scales: ChartScales,
  f: ChartFormat,
  handle?: { label: string; point: Point },
): string {
  const at = f.x(x);
  const parts = handle
    ? [`${handle.label}: x = ${f.x(handle.point[0])}, y = ${f.y(handle.point[1])}`]
    : [`x = ${at}`];
  for (const s of series) {
    const p = nearestPoint(s, x, scales.log);
    if (!p) continue;
    const px = f.x(p[0]);
    parts.push(`${s.label} ${f.y(p[1])}${px === at ? "" : ` (at x = ${px})`}`);
  }
  return parts.join(" · ");
}
