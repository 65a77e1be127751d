import type { Selection } from "d3-selection";
import type { ChartScales, Tick } from "./chartScales";
import { xTicks, yTicks } from "./chartScales";
import type { ChartMarker } from "./chartTypes";
import { uiColor } from "./palette";
import { truncateLabel } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;

const TICK_FONT = 12;
const LABEL_FONT = 13;

/**
 * Grid lines and labels at the ticks, the two axis lines, and the axis titles. Called only when
 * the scales or the labels change; everything here is aria-hidden (the <desc> states the ranges).
 */
export function drawAxes(group: Group, scales: ChartScales, xLabel: string, yLabel: string): void {
  const { x, y, layout } = scales;
  const { left, right, top, bottom } = layout;
  const xs = xTicks(scales);
  const ys = yTicks(scales);
  group
    .selectAll<SVGLineElement, Tick>("line.dw-chart-grid-y")
    .data(
      ys.filter((t) => t.label !== ""),
      (t) => t.value,
    )
    .join("line")
    .attr("class", "dw-chart-grid-y")
    .attr("x1", left)
    .attr("x2", right)
    .attr("y1", (t) => y(t.value))
    .attr("y2", (t) => y(t.value))
    .style("stroke", uiColor("grid"));
  group
    .selectAll<SVGLineElement, Tick>("line.dw-chart-tick-y")
    .data(ys, (t) => t.value)
    .join("line")
    .attr("class", "dw-chart-tick-y")
    .attr("x1", (t) => left - (t.label === "" ? 3 : 5))
    .attr("x2", left)
    .attr("y1", (t) => y(t.value))
    .attr("y2", (t) => y(t.value))
    .style("stroke", uiColor("muted"));
  group
    .selectAll<SVGTextElement, Tick>("text.dw-chart-tick-y")
    .data(
      ys.filter((t) => t.label !== ""),
      (t) => t.value,
    )
    .join("text")
    .attr("class", "dw-chart-tick-y")
    .attr("x", left - 8)
    .attr("y", (t) => y(t.value))
    .attr("text-anchor", "end")
    .attr("dominant-baseline", "middle")
    .attr("font-size", TICK_FONT)
    .text((t) => t.label);
  group
    .selectAll<SVGLineElement, Tick>("line.dw-chart-tick-x")
    .data(xs, (t) => t.value)
    .join("line")
    .attr("class", "dw-chart-tick-x")
    .attr("x1", (t) => x(t.value))
    .attr("x2", (t) => x(t.value))
    .attr("y1", bottom)
    .attr("y2", bottom + 5)
    .style("stroke", uiColor("muted"));
  group
    .selectAll<SVGTextElement, Tick>("text.dw-chart-tick-x")
    .data(xs, (t) => t.value)
    .join("text")
    .attr("class", "dw-chart-tick-x")
    .attr("x", (t) => x(t.value))
    .attr("y", bottom + 18)
    .attr("text-anchor", "middle")
    .attr("font-size", TICK_FONT)
    .text((t) => t.label);
  const frame = `M${left},${top}V${bottom}H${right}`;
  group
    .selectAll("path.dw-chart-frame")
    .data([frame])
    .join("path")
    .attr("class", "dw-chart-frame")
    .attr("d", (d) => d)
    .attr("fill", "none")
    .style("stroke", uiColor("muted"));
  group
    .selectAll("text.dw-chart-label-x")
    .data([xLabel])
    .join("text")
    .attr("class", "dw-chart-label-x")
    .attr("x", (left + right) / 2)
    .attr("y", layout.height - 6)
    .attr("text-anchor", "middle")
    .attr("font-size", LABEL_FONT)
    .text((d) => truncateLabel(d, 60));
  group
    .selectAll("text.dw-chart-label-y")
    .data([yLabel])
    .join("text")
    .attr("class", "dw-chart-label-y")
    .attr("transform", `translate(14,${(top + bottom) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .attr("font-size", LABEL_FONT)
    .text((d) => truncateLabel(d, 40));
}

/** Room a marker label needs beside its line, in viewBox px (about 12 characters at 11 px). */
const MARKER_LABEL_ROOM = 80;

/** Vertical dashed reference lines with a small label at the top; markers outside the x domain are hidden. */
export function drawMarkers(group: Group, markers: readonly ChartMarker[], scales: ChartScales): void {
  const { x, xDomain, layout } = scales;
  const visible = markers
    .filter((m) => Number.isFinite(m.x) && m.x >= xDomain[0] && m.x <= xDomain[1])
    .sort((a, b) => a.x - b.x);
  const mid = (layout.left + layout.right) / 2;
  // Past the middle a label hangs to the left of its line, so it never leaves the viewBox; of two
  // lines closer than a label's width, the left one's label hangs left and the right one's right.
  const hangsLeft = visible.map((m, i) => {
    const px = x(m.x);
    if (i + 1 < visible.length && x(visible[i + 1].x) - px < MARKER_LABEL_ROOM) return true;
    if (i > 0 && px - x(visible[i - 1].x) < MARKER_LABEL_ROOM) return false;
    return px > mid;
  });
  const sideOf = new Map(visible.map((m, i) => [m, hangsLeft[i]]));
  group
    .selectAll<SVGGElement, ChartMarker>("g.dw-chart-marker")
    .data(visible, (m) => `${m.label}@${m.x}`)
    .join((enter) => {
      const g = enter.append("g").attr("class", "dw-chart-marker");
      g.append("line").attr("stroke-dasharray", "4 3").style("stroke", uiColor("muted"));
      g.append("text").attr("font-size", 11).style("fill", uiColor("muted"));
      return g;
    })
    .each(function (m) {
      const px = x(m.x);
      const line = this.querySelector("line") as SVGLineElement;
      line.setAttribute("x1", String(px));
      line.setAttribute("x2", String(px));
      line.setAttribute("y1", String(layout.top));
      line.setAttribute("y2", String(layout.bottom));
      const text = this.querySelector("text") as SVGTextElement;
      const left = sideOf.get(m) ?? px > mid;
      text.setAttribute("x", String(px + (left ? -4 : 4)));
      text.setAttribute("y", String(layout.top - 5));
      text.setAttribute("text-anchor", left ? "end" : "start");
      text.textContent = truncateLabel(m.label, 24);
    });
}
