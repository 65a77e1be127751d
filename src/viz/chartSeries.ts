import type { Selection } from "d3-selection";
import { select } from "d3-selection";
import { curveLinear, curveStepAfter, line } from "d3-shape";
import { type ChartScales, drawableY } from "./chartScales";
import type { ChartColour, ChartSeries, ChartSeriesKind } from "./chartTypes";
import { roleColor, uiColor } from "./palette";

type Group = Selection<SVGGElement, unknown, null, undefined>;
type XY = readonly [number, number];

export function colourOf(colour: ChartColour): string {
  return colour === "muted" || colour === "ink" ? uiColor(colour) : roleColor(colour);
}

/**
 * Stroke per kind. Dashes differ by kind so two series stay apart in greyscale or for a reader
 * who cannot tell their hues apart; steps are also thinner, points have no stroke at all.
 */
export const strokeOf: Readonly<Record<ChartSeriesKind, { width: number; dash: string | null }>> = {
  line: { width: 2.25, dash: null },
  dashed: { width: 2.25, dash: "7 4" },
  steps: { width: 1.75, dash: null },
  points: { width: 0, dash: null },
};

export const POINT_RADIUS = 3.5;

/** The path of a line, dashed or steps series; undrawable points split it into subpaths (gaps). */
export function seriesPath(series: ChartSeries, scales: ChartScales): string {
  const path = line<XY>()
    .defined((p) => Number.isFinite(p[0]) && drawableY(p[1], scales.log))
    .x((p) => scales.x(p[0]))
    .y((p) => scales.y(p[1]))
    .curve(series.kind === "steps" ? curveStepAfter : curveLinear);
  return path(series.points) ?? "";
}

/**
 * One <g> per series, joined by id and kept in the data's order. Lines are a single <path>;
 * "points" series are circles (joined by index). Clipped to the plot area by the caller.
 */
export function drawSeries(group: Group, series: readonly ChartSeries[], scales: ChartScales): void {
  group
    .selectAll<SVGGElement, ChartSeries>("g.dw-chart-series")
    .data(series, (s) => s.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "dw-chart-series");
      g.append("path").attr("class", "dw-chart-line").attr("fill", "none").attr("stroke-linejoin", "round");
      return g;
    })
    .attr("data-id", (s) => s.id)
    .attr("data-kind", (s) => s.kind)
    .order()
    .each(function (s) {
      const colour = colourOf(s.colour);
      const stroke = strokeOf[s.kind];
      const path = select(this).select<SVGPathElement>("path.dw-chart-line");
      path
        .attr("d", s.kind === "points" ? null : seriesPath(s, scales))
        .attr("stroke-width", stroke.width)
        .attr("stroke-dasharray", stroke.dash)
        // Round caps draw a lone point between two gaps as a dot instead of nothing.
        .attr("stroke-linecap", s.kind === "dashed" ? "butt" : "round")
        .style("stroke", colour);
      const points =
        s.kind === "points"
          ? s.points.filter((p) => Number.isFinite(p[0]) && drawableY(p[1], scales.log))
          : [];
      select(this)
        .selectAll<SVGCircleElement, XY>("circle.dw-chart-point")
        .data(points)
        .join("circle")
        .attr("class", "dw-chart-point")
        .attr("r", POINT_RADIUS)
        .attr("cx", (p) => scales.x(p[0]))
        .attr("cy", (p) => scales.y(p[1]))
        .style("fill", colour)
        .style("stroke", uiColor("background"))
        .attr("stroke-width", 1);
    });
}

export interface LegendEntry {
  id: string;
  label: string;
  colour: ChartColour;
  kind: ChartSeriesKind | "handle";
}

/** A 28×12 swatch drawn in the entry's own stroke, dash or marker. */
function swatchPath(kind: LegendEntry["kind"]): string {
  if (kind === "steps") return "M2,10H12V3H26";
  return "M2,6H26";
}

/** The legend, an HTML list under the SVG: it wraps on narrow screens where SVG text would shrink. */
export function drawLegend(
  list: Selection<HTMLUListElement, unknown, null, undefined>,
  entries: readonly LegendEntry[],
): void {
  list
    .selectAll<HTMLLIElement, LegendEntry>("li")
    .data(entries, (e) => `${e.kind}:${e.id}`)
    .join((enter) => {
      const li = enter.append("li").attr("class", "dw-chart-legend-item");
      const svg = li
        .append("svg")
        .attr("class", "dw-chart-swatch")
        .attr("viewBox", "0 0 28 12")
        .attr("width", 28)
        .attr("height", 12)
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
      svg.append("path").attr("fill", "none");
      svg.append("circle").attr("cx", 14).attr("cy", 6);
      li.append("span");
      return li;
    })
    .attr("data-kind", (e) => e.kind)
    .order()
    .each(function (e) {
      const colour = colourOf(e.colour);
      const item = select(this);
      const isLine = e.kind !== "points" && e.kind !== "handle";
      item
        .select("path")
        .attr("d", isLine ? swatchPath(e.kind) : null)
        .attr("stroke-width", isLine ? strokeOf[e.kind as ChartSeriesKind].width : null)
        .attr("stroke-dasharray", e.kind === "dashed" ? "7 4" : null)
        .style("stroke", colour);
      item
        .select("circle")
        .attr("r", e.kind === "handle" ? 5 : e.kind === "points" ? POINT_RADIUS : 0)
        .attr("stroke-width", e.kind === "handle" ? 1.5 : null)
        .style("fill", colour)
        .style("stroke", e.kind === "handle" ? uiColor("ink") : "none");
      item.select("span").text(e.kind === "handle" ? `${e.label} (draggable)` : e.label);
    });
}
