import { type ScaleLinear, scaleLinear } from "d3-scale";
import type { Selection } from "d3-selection";
import { uiColor } from "./palette";
import { formatNumber } from "./svg";

export type Domain = [number, number];

export interface PlaneScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  domain: Domain;
  size: number;
}

/** Space between the SVG edge and the plotted square, for tick labels. */
const MARGIN = 24;

/**
 * The smallest domain that contains `base` and every finite coordinate, padded by 5% and rounded
 * out to the next half unit so small moves near the edge do not rescale the plane each frame.
 * One domain serves both axes: equal units keep angles and lengths of the 2-D vectors honest.
 */
export function fitDomain(base: Domain, coordinates: Iterable<number>): Domain {
  let lo = base[0];
  let hi = base[1];
  let grew = false;
  for (const c of coordinates) {
    if (!Number.isFinite(c)) continue;
    if (c < lo) {
      lo = c;
      grew = true;
    }
    if (c > hi) {
      hi = c;
      grew = true;
    }
  }
  if (!grew) return [base[0], base[1]];
  const pad = 0.05 * (hi - lo);
  return [Math.floor((lo - pad) * 2) / 2, Math.ceil((hi + pad) * 2) / 2];
}

/** Maps data coordinates to the square viewBox `0..size`; y grows upwards as in the essay's maths. */
export function planeScales(domain: Domain, size: number): PlaneScales {
  return {
    x: scaleLinear()
      .domain(domain)
      .range([MARGIN, size - MARGIN / 2]),
    y: scaleLinear()
      .domain(domain)
      .range([size - MARGIN, MARGIN / 2]),
    domain,
    size,
  };
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Light grid lines at round ticks, darker axes through the origin, small tick labels. */
export function drawAxes(group: Group, scales: PlaneScales): void {
  const { x, y, size } = scales;
  const ticks = x.ticks(6);
  const [x0, x1] = x.range();
  const [y0, y1] = y.range();
  group
    .selectAll<SVGLineElement, number>("line.dw-grid-x")
    .data(ticks, (t) => t)
    .join("line")
    .attr("class", "dw-grid-x")
    .attr("x1", (t) => x(t))
    .attr("x2", (t) => x(t))
    .attr("y1", y0)
    .attr("y2", y1)
    .style("stroke", (t) => uiColor(t === 0 ? "muted" : "grid"));
  group
    .selectAll<SVGLineElement, number>("line.dw-grid-y")
    .data(ticks, (t) => t)
    .join("line")
    .attr("class", "dw-grid-y")
    .attr("x1", x0)
    .attr("x2", x1)
    .attr("y1", (t) => y(t))
    .attr("y2", (t) => y(t))
    .style("stroke", (t) => uiColor(t === 0 ? "muted" : "grid"));
  group
    .selectAll<SVGTextElement, number>("text.dw-tick-x")
    .data(ticks, (t) => t)
    .join("text")
    .attr("class", "dw-tick-x")
    .attr("x", (t) => x(t))
    .attr("y", size - 8)
    .attr("text-anchor", "middle")
    .attr("font-size", 9)
    .style("fill", uiColor("muted"))
    .text((t) => formatNumber(t, 1));
  group
    .selectAll<SVGTextElement, number>("text.dw-tick-y")
    .data(ticks, (t) => t)
    .join("text")
    .attr("class", "dw-tick-y")
    .attr("x", MARGIN - 4)
    .attr("y", (t) => y(t))
    .attr("text-anchor", "end")
    .attr("dominant-baseline", "middle")
    .attr("font-size", 9)
    .style("fill", uiColor("muted"))
    .text((t) => formatNumber(t, 1));
}
