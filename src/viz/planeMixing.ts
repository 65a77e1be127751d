import type { Selection } from "d3-selection";
import { symbol, symbolDiamond, symbolSquare } from "d3-shape";
import { roleColor } from "./palette";
import type { PlaneScales } from "./planeScales";
import type { PlaneWriter } from "./planeWrite";
import { formatNumber, formatPoint } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Pt = [number, number];

const diamond = symbol(symbolDiamond, 110)() ?? "";
const square = symbol(symbolSquare, 60)() ?? "";

/** Joins `n` marks by index; what never changes is set on the ones that enter. */
function joinMarks<E extends SVGElement>(
  group: Group,
  tag: "path" | "line",
  className: string,
  n: number,
  statics: (mark: Selection<E, number, SVGGElement, unknown>) => void,
): E[] {
  return group
    .selectAll<E, number>(`${tag}.${className}`)
    .data(Array.from({ length: n }, (_, i) => i))
    .join((enter) => {
      const mark = enter
        .append(tag)
        .attr("class", className)
        .attr("data-index", (i) => i) as unknown as Selection<E, number, SVGGElement, unknown>;
      statics(mark);
      return mark;
    })
    .nodes();
}

export interface OutputLayer {
  /** Places the diamonds; returns true when diamonds were added or removed. */
  draw(outputs: readonly Pt[], scales: PlaneScales): boolean;
  /** Names each diamond "<outputName> for <token> at (x, y)". */
  label(outputs: readonly Pt[], tokens: readonly string[], outputName?: string): void;
}

/** Attention outputs o_i as diamonds in the output colour, each named for assistive technology. */
export function createOutputLayer(group: Group, w: PlaneWriter): OutputLayer {
  let marks: SVGPathElement[] = [];
  return {
    draw(outputs, scales) {
      const reshaped = outputs.length !== marks.length;
      if (reshaped) {
        marks = joinMarks<SVGPathElement>(group, "path", "dw-output", outputs.length, (m) =>
          m
            .attr("d", diamond)
            .attr("role", "img")
            .style("fill", roleColor("output"))
            .style("stroke", "var(--dw-bg, #ffffff)"),
        );
      }
      outputs.forEach(([ox, oy], i) => {
        w.attr(marks[i], "transform", `translate(${scales.x(ox)},${scales.y(oy)})`);
      });
      return reshaped;
    },
    label(outputs, tokens, outputName = "attention output") {
      outputs.forEach(([ox, oy], i) => {
        w.attr(marks[i], "aria-label", `${outputName} for ${tokens[i] ?? i + 1} at ${formatPoint(ox, oy)}`);
      });
    },
  };
}

export interface MixingView {
  /** The token whose output is shown as a mixture. */
  row: number;
  /** Row `row` of the attention weights, one per value. */
  weights: readonly number[];
  /** Value vectors v_j as points. */
  values: readonly Pt[];
  /** The output o_row = Σ_j weights[j]·v_j, as the caller computed it; null draws values only. */
  output: Pt | null;
}

export interface MixingLayer {
  /** Draws the lines and value squares; returns true when marks were added or removed. */
  draw(view: MixingView | null, scales: PlaneScales): boolean;
  label(view: MixingView | null, tokens: readonly string[]): void;
}

/** w_j clamped to [0, 1]; a non-finite weight draws like 0. */
const weightOf = (view: MixingView | null, j: number) => {
  const w = view?.weights[j] ?? 0;
  return Number.isFinite(w) ? Math.min(1, Math.max(0, w)) : 0;
};

/**
 * The convex combination behind one output: a square at each value v_j and a line from the output
 * to it whose opacity is w_j and width 1 + 4·w_j, so the heaviest values pull the eye the way they
 * pull the output. A weight of 0 (a masked token) draws an invisible line.
 */
export function createMixingLayer(group: Group, w: PlaneWriter): MixingLayer {
  let lines: SVGLineElement[] = [];
  let squares: SVGPathElement[] = [];
  return {
    draw(view, scales) {
      const { x, y } = scales;
      const n = view ? view.values.length : 0;
      const output = view?.output ?? null;
      const lineCount = output ? n : 0;
      const reshaped = lineCount !== lines.length || n !== squares.length;
      if (reshaped) {
        lines = joinMarks<SVGLineElement>(group, "line", "dw-mixing-line", lineCount, (m) =>
          m.attr("aria-hidden", "true").style("stroke", roleColor("value")).attr("stroke-linecap", "round"),
        );
        squares = joinMarks<SVGPathElement>(group, "path", "dw-value", n, (m) =>
          m.attr("d", square).attr("role", "img").style("fill", roleColor("value")),
        );
      }
      w.attr(group.node() as SVGGElement, "role", view ? "group" : null);
      for (let j = 0; j < n && view; j++) {
        const weight = weightOf(view, j);
        const [vx, vy] = view.values[j];
        if (output) {
          const line = lines[j];
          w.attr(line, "data-weight", String(weight));
          w.attr(line, "stroke-opacity", String(weight));
          w.attr(line, "stroke-width", String(1 + 4 * weight));
          w.attr(line, "x1", String(x(output[0])));
          w.attr(line, "y1", String(y(output[1])));
          w.attr(line, "x2", String(x(vx)));
          w.attr(line, "y2", String(y(vy)));
        }
        w.attr(squares[j], "fill-opacity", String(0.35 + 0.65 * weight));
        w.attr(squares[j], "transform", `translate(${x(vx)},${y(vy)})`);
      }
      return reshaped;
    },
    label(view, tokens) {
      const name = (j: number) => tokens[j] ?? j + 1;
      const label = view
        ? `output of ${name(view.row)} mixes the values with weights ${view.values
            .map((_, j) => `${name(j)} ${formatNumber(view.weights[j] ?? 0)}`)
            .join(", ")}`
        : "";
      w.attr(group.node() as SVGGElement, "aria-label", label || null);
      for (let j = 0; j < squares.length && view; j++) {
        const [vx, vy] = view.values[j];
        w.attr(
          squares[j],
          "aria-label",
          `value of ${name(j)} at ${formatPoint(vx, vy)}, weight ${formatNumber(weightOf(view, j))}`,
        );
      }
    },
  };
}
