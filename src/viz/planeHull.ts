import type { Selection } from "d3-selection";
import type { Matrix } from "../core/matrix";
import { roleColor } from "./palette";
import type { PlaneScales } from "./planeScales";
import type { PlaneWriter } from "./planeWrite";

/**
 * A shaded polygon under the plane's marks: the convex hull of the value points, inside which
 * every output of row-wise softmax attention must land (a convex combination of the values).
 */
export function createHullLayer(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  w: PlaneWriter,
): { draw(hull: Matrix | null, s: PlaneScales): void } {
  const path = layer
    .append("path")
    .attr("class", "dw-hull")
    .attr("role", "img")
    .attr("aria-label", "convex hull of the value points")
    .style("fill", roleColor("value"))
    .style("fill-opacity", "0.1")
    .style("stroke", roleColor("value"))
    .style("stroke-opacity", "0.6")
    .style("stroke-dasharray", "4 3")
    .node() as SVGPathElement;
  return {
    draw(hull, s) {
      if (!hull || hull.rows === 0 || hull.cols < 2) {
        w.attr(path, "visibility", "hidden");
        return;
      }
      const corners: string[] = [];
      for (let i = 0; i < hull.rows; i++) {
        corners.push(
          `${s.x(hull.data[i * hull.cols]).toFixed(2)},${s.y(hull.data[i * hull.cols + 1]).toFixed(2)}`,
        );
      }
      w.attr(path, "d", `M${corners.join("L")}Z`);
      w.attr(path, "visibility", "visible");
    },
  };
}
