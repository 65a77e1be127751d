import type { Role } from "./palette";

/** How a series is drawn. Dash pattern and marker differ by kind, so colour is never the only cue. */
export type ChartSeriesKind = "line" | "dashed" | "points" | "steps";

export type ChartColour = Role | "muted" | "ink";

export interface ChartSeries {
  /** Stable key: update() joins series by it. */
  id: string;
  /** Legend text and accessible name. */
  label: string;
  colour: ChartColour;
  kind: ChartSeriesKind;
  /** [x, y] in data units; a non-finite point (or y ≤ 0 on a log axis) leaves a gap. */
  points: readonly (readonly [number, number])[];
}

/** A point the reader drags: a `role="slider"` circle, also moved with the arrow keys. */
export interface ChartHandle {
  /** Stable key: update() joins handles by it. */
  id: string;
  /** aria-label and legend text. */
  label: string;
  /** Text drawn beside the dot (default: `label`); keep it short when handles sit close together. */
  mark?: string;
  x: number;
  y: number;
  colour: Role | "ink";
}

export interface ChartMarker {
  x: number;
  label: string;
}

export interface ChartData {
  /** Accessible name of the figure. */
  title: string;
  /** `integer`: whole-number ticks, and handles snap to whole numbers (they stand for a count). */
  x: {
    label: string;
    domain: readonly [number, number];
    integer?: boolean;
    /** Writes an x value for ticks, the readout and aria text, e.g. `(k) => String(2 ** k)` on a log₂ axis. */
    format?: (x: number) => string;
  };
  /** `domain` defaults to the data's range, padded; `log` skips non-positive values. */
  y: { label: string; domain?: readonly [number, number]; log?: boolean };
  series: readonly ChartSeries[];
  handles?: readonly ChartHandle[];
  /** One legend entry for all handles (e.g. "an example (drag it)") instead of one per handle. */
  handlesLegend?: string;
  /** Vertical reference lines, e.g. "N = d". */
  markers?: readonly ChartMarker[];
}

export type ChartDragPhase = "start" | "move" | "end";

export interface ChartOptions {
  /** viewBox size in px; default 480 × 300. The SVG scales to its container's width. */
  width?: number;
  height?: number;
  /** A handle moved by pointer or key, already clamped to the domains (keys send "move" then "end"). */
  onHandleDrag?(index: number, point: [number, number], phase: ChartDragPhase): void;
  /** Arrow-key step in data units; default 1 on an integer x axis, else 1/20 of the domain. Shift ×5. */
  step?: number;
  /** Decimals in the readout and aria text; default 2. */
  digits?: number;
}

export interface ChartFigure {
  /** Redraws with new data; options given here are merged into the current ones. */
  update(data: ChartData, options?: Partial<ChartOptions>): void;
  destroy(): void;
}

export type Point = [number, number];
