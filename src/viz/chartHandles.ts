import type { Selection } from "d3-selection";
import type { ChartScales } from "./chartScales";
import { clampTo } from "./chartScales";
import { colourOf } from "./chartSeries";
import type { ChartHandle, Point } from "./chartTypes";
import { uiColors } from "./palette";
import { truncateLabel } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Radius of the invisible hit area: ~36 px across, a usable touch target at phone width. */
const HIT_RADIUS = 18;

/**
 * One focusable `role="slider"` group per handle, joined by id: a transparent hit circle, the
 * visible dot (its stroke is the focus ring, see viz.css) and a short text label. `data-index`
 * is the handle's position in the data, which is what onHandleDrag reports.
 */
export function joinHandles(group: Group, handles: readonly ChartHandle[]): SVGGElement[] {
  return group
    .selectAll<SVGGElement, ChartHandle>("g.dw-chart-handle")
    .data(handles, (h) => h.id)
    .join((enter) => {
      const g = enter
        .append("g")
        .attr("class", "dw-chart-handle")
        .attr("tabindex", 0)
        .attr("role", "slider")
        .attr("aria-roledescription", "draggable point")
        .style("touch-action", "none");
      g.append("circle")
        .attr("class", "dw-chart-handle-hit")
        .attr("r", HIT_RADIUS)
        .attr("fill", "transparent");
      // A presentation attribute, not an inline style, so viz.css can theme it and draw the focus ring.
      g.append("circle")
        .attr("class", "dw-chart-handle-dot")
        .attr("r", 7)
        .attr("stroke", uiColors.background)
        .attr("stroke-width", 2);
      g.append("text")
        .attr("class", "dw-chart-handle-label")
        .attr("x", 10)
        .attr("y", -10)
        .attr("font-size", 12)
        .attr("aria-hidden", "true");
      return g;
    })
    .attr("data-index", (_, i) => i)
    .attr("data-id", (h) => h.id)
    .attr("aria-label", (h) => h.label)
    .order()
    .each(function (h) {
      // Written only when changed: this runs on every update, often mid-drag.
      const dot = this.querySelector(".dw-chart-handle-dot") as SVGCircleElement;
      const fill = colourOf(h.colour);
      if (dot.getAttribute("data-fill") !== fill) {
        dot.setAttribute("data-fill", fill); // style.fill reads back normalised: compare with what was set
        dot.style.fill = fill;
      }
      const text = this.querySelector(".dw-chart-handle-label") as SVGTextElement;
      const label = truncateLabel(h.mark ?? h.label, 16);
      if (text.textContent !== label) text.textContent = label;
    })
    .nodes();
}

/** Where a handle is drawn: its point clamped into the domains (a handle never leaves the plot). */
export function handleInView(point: Point, scales: ChartScales): Point {
  return [clampTo(point[0], scales.xDomain), clampTo(point[1], scales.yDomain, scales.log)];
}

/** Moves one handle and writes its slider value; `text` formats a number for aria text. */
export function placeHandle(
  node: SVGGElement,
  point: Point,
  scales: ChartScales,
  text: (x: number, axis: "x" | "y") => string,
): void {
  const [x, y] = handleInView(point, scales);
  setIfChanged(node, "transform", `translate(${scales.x(x).toFixed(2)},${scales.y(y).toFixed(2)})`);
  setIfChanged(node, "aria-valuetext", `x = ${text(point[0], "x")}, y = ${text(point[1], "y")}`);
  // A slider needs one number; x is what a handle on a chart of "against x" usually stands for.
  setIfChanged(node, "aria-valuenow", String(x));
  setIfChanged(node, "aria-valuemin", String(scales.xDomain[0]));
  setIfChanged(node, "aria-valuemax", String(scales.xDomain[1]));
}

function setIfChanged(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}
