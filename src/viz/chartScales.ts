import { type ScaleLinear, type ScaleLogarithmic, scaleLinear, scaleLog } from "d3-scale";
import type { ChartData, Point } from "./chartTypes";

export type Domain = [number, number];

/** The plotting area inside the viewBox: room on the left and bottom for ticks and axis labels. */
export interface ChartLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  xDomain: Domain;
  yDomain: Domain;
  log: boolean;
  integer: boolean;
  /** The caller's x formatter, if any (see `ChartData.x.format`). */
  xFormat: ((x: number) => string) | null;
  layout: ChartLayout;
}

export function chartLayout(width = 480, height = 300): ChartLayout {
  const w = Number.isFinite(width) && width >= 160 ? width : 480;
  const h = Number.isFinite(height) && height >= 120 ? height : 300;
  return { width: w, height: h, left: 56, right: w - 16, top: 18, bottom: h - 42 };
}

/** True if `y` can be drawn on the y axis: finite, and positive on a log axis. */
export const drawableY = (y: number, log: boolean) => Number.isFinite(y) && (!log || y > 0);

/** The caller's x domain, repaired if it is not a finite, increasing pair. */
export function xDomainOf(domain: readonly [number, number]): Domain {
  const [lo, hi] = domain;
  if (Number.isFinite(lo) && Number.isFinite(hi) && lo < hi) return [lo, hi];
  if (Number.isFinite(lo) && lo === hi) return [lo - 1, lo + 1];
  return [0, 1];
}

/**
 * The y domain: the caller's if it is usable (finite, increasing, positive on a log axis),
 * else the range of every drawable y (series and handles) padded by 5% — multiplicatively on a
 * log axis — and rounded out to nice ticks, so small changes of the data rarely rescale the
 * chart. No data: [0, 1], or [1, 10] on a log axis; a single value gets a band around it.
 */
export function yDomainOf(data: ChartData, handles: readonly Point[]): Domain {
  const log = data.y.log === true;
  const given = data.y.domain;
  if (given) {
    const [lo, hi] = given;
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && (!log || lo > 0)) return [lo, hi];
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const include = (y: number) => {
    if (!drawableY(y, log)) return;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  };
  for (const series of data.series) for (const p of series.points) if (Number.isFinite(p[0])) include(p[1]);
  for (const h of handles) include(h[1]);
  if (lo > hi) return log ? [1, 10] : [0, 1];
  if (log) {
    const ratio = lo === hi ? 2 : (hi / lo) ** 0.05;
    const nice = scaleLog()
      .domain([lo / ratio, hi * ratio])
      .nice()
      .domain();
    return [nice[0], nice[1]];
  }
  const pad = lo === hi ? Math.abs(lo) * 0.1 || 1 : 0.05 * (hi - lo);
  const nice = scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice()
    .domain();
  return [nice[0], nice[1]];
}

export function chartScales(data: ChartData, handles: readonly Point[], layout: ChartLayout): ChartScales {
  const xDomain = xDomainOf(data.x.domain);
  const yDomain = yDomainOf(data, handles);
  const log = data.y.log === true;
  const x = scaleLinear().domain(xDomain).range([layout.left, layout.right]);
  const y = (log ? scaleLog() : scaleLinear()).domain(yDomain).range([layout.bottom, layout.top]);
  return {
    x,
    y,
    xDomain,
    yDomain,
    log,
    integer: data.x.integer === true,
    xFormat: typeof data.x.format === "function" ? data.x.format : null,
    layout,
  };
}

export interface Tick {
  value: number;
  /** Empty for a minor tick (drawn short, without a label or grid line). */
  label: string;
}

/** About one x tick per 70 px; integer axes keep only whole numbers. */
export function xTicks(scales: ChartScales): Tick[] {
  const { x, integer, layout } = scales;
  const count = Math.max(2, Math.round((layout.right - layout.left) / 70));
  const values = x.ticks(count).filter((t) => !integer || Number.isInteger(t));
  const format = x.tickFormat(count);
  const label = scales.xFormat ?? ((t: number) => (integer ? String(t) : format(t)));
  return values.map((t) => ({ value: t, label: label(t) }));
}

/**
 * About one y tick per 45 px. On a log axis the powers of ten are labelled (`0.1`, `1e-3`) and
 * the ticks between them are minor, unless fewer than two powers of ten are in view.
 */
export function yTicks(scales: ChartScales): Tick[] {
  const { y, log, layout } = scales;
  const count = Math.max(2, Math.round((layout.bottom - layout.top) / 45));
  if (!log) {
    const format = y.tickFormat(count);
    return y.ticks(count).map((t) => ({ value: t, label: format(t) }));
  }
  const values = y.ticks(count);
  const isPower = (t: number) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9;
  const labelAll = values.filter(isPower).length < 2;
  return values.map((t) => ({ value: t, label: labelAll || isPower(t) ? formatLogTick(t) : "" }));
}

/** `1e-3`, `0.01`, `0.1`, `1`, `10`, `100`, `1e3`; values between powers with two digits. */
export function formatLogTick(t: number): string {
  const k = Math.floor(Math.log10(t) + 1e-9);
  if (Math.abs(k) <= 2) return String(Number(t.toPrecision(2)));
  const mantissa = Number((t / 10 ** k).toPrecision(2));
  return mantissa === 1 ? `1e${k}` : `${mantissa}e${k}`;
}

/** `value` limited to `[lo, hi]`; NaN goes to the middle so a handle stays visible and draggable. */
export function clampTo(value: number, [lo, hi]: Domain, log = false): number {
  if (Number.isNaN(value)) return log ? Math.sqrt(lo * hi) : (lo + hi) / 2;
  return Math.min(hi, Math.max(lo, value));
}
