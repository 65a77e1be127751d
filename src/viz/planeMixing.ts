import type { Selection } from "d3-selection";
import { symbol, symbolDiamond, symbolSquare } from "d3-shape";
import { roleColor } from "./palette";
import type { PlaneScales } from "./planeScales";
import { formatNumber, formatPoint } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Pt = [number, number];

const diamond = symbol(symbolDiamond, 110)() ?? "";
const square = symbol(symbolSquare, 60)() ?? "";

/** Attention outputs o_i as diamonds in the output colour, each named for assistive technology. */
export function drawOutputs(
  group: Group,
  outputs: readonly Pt[],
  tokens: readonly string[],
  scales: PlaneScales,
): void {
  group
    .selectAll<SVGPathElement, number>("path.dw-output")
    .data(outputs.map((_, i) => i))
    .join("path")
    .attr("class", "dw-output")
    .attr("data-index", (i) => i)
    .attr("d", diamond)
    .attr("role", "img")
    .style("fill", roleColor("output"))
    .style("stroke", "var(--dw-bg, #ffffff)")
    .attr("transform", (i) => `translate(${scales.x(outputs[i][0])},${scales.y(outputs[i][1])})`)
    .attr("aria-label", (i) => `attention output for ${tokens[i] ?? i + 1} at ${formatPoint(...outputs[i])}`);
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

/**
 * The convex combination behind one output: a square at each value v_j and a line from the output
 * to it whose opacity is w_j and width 1 + 4·w_j, so the heaviest values pull the eye the way they
 * pull the output. A weight of 0 (a masked token) draws an invisible line.
 */
export function drawMixing(
  group: Group,
  view: MixingView | null,
  tokens: readonly string[],
  scales: PlaneScales,
): void {
  const { x, y } = scales;
  const n = view ? view.values.length : 0;
  const indices = Array.from({ length: n }, (_, j) => j);
  const weightOf = (j: number) => {
    const w = view?.weights[j] ?? 0;
    return Number.isFinite(w) ? Math.min(1, Math.max(0, w)) : 0;
  };
  const output = view?.output ?? null;
  const label = view
    ? `output of ${tokens[view.row] ?? view.row + 1} mixes the values with weights ${indices
        .map((j) => `${tokens[j] ?? j + 1} ${formatNumber(view.weights[j] ?? 0)}`)
        .join(", ")}`
    : "";
  group.attr("aria-label", label || null).attr("role", view ? "group" : null);

  group
    .selectAll<SVGLineElement, number>("line.dw-mixing-line")
    .data(output ? indices : [])
    .join("line")
    .attr("class", "dw-mixing-line")
    .attr("data-index", (j) => j)
    .attr("data-weight", (j) => weightOf(j))
    .attr("aria-hidden", "true")
    .style("stroke", roleColor("value"))
    .attr("stroke-linecap", "round")
    .attr("stroke-opacity", (j) => weightOf(j))
    .attr("stroke-width", (j) => 1 + 4 * weightOf(j))
    .attr("x1", output ? x(output[0]) : 0)
    .attr("y1", output ? y(output[1]) : 0)
    .attr("x2", (j) => x(view?.values[j][0] ?? 0))
    .attr("y2", (j) => y(view?.values[j][1] ?? 0));

  group
    .selectAll<SVGPathElement, number>("path.dw-value")
    .data(indices)
    .join("path")
    .attr("class", "dw-value")
    .attr("data-index", (j) => j)
    .attr("d", square)
    .attr("role", "img")
    .style("fill", roleColor("value"))
    .attr("fill-opacity", (j) => 0.35 + 0.65 * weightOf(j))
    .attr("transform", (j) => `translate(${x(view?.values[j][0] ?? 0)},${y(view?.values[j][1] ?? 0)})`)
    .attr(
      "aria-label",
      (j) =>
        `value of ${tokens[j] ?? j + 1} at ${formatPoint(...(view?.values[j] ?? [0, 0]))}, weight ${formatNumber(weightOf(j))}`,
    );
}
