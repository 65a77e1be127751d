import type { Selection } from "d3-selection";
import { roleColor, uiColors } from "./palette";
import type { PlaneScales } from "./planeScales";
import { formatPoint, truncateLabel } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Pt = [number, number];

/** Radius of the invisible hit area: ~44 px across, a comfortable touch target. */
const HIT_RADIUS = 22;

/**
 * One focusable group per token: a large transparent hit circle, a selection ring, the dot and
 * its label (textContent only: tokens are reader input). Positions are written by
 * positionToken so a drag can move one point without re-joining the rest.
 */
export function joinTokens(group: Group, tokens: readonly string[]): SVGGElement[] {
  return group
    .selectAll<SVGGElement, number>("g.dw-token")
    .data(tokens.map((_, i) => i))
    .join((enter) => {
      const g = enter
        .append("g")
        .attr("class", "dw-token")
        .attr("tabindex", 0)
        .attr("role", "slider")
        .attr("aria-roledescription", "draggable point")
        .style("touch-action", "none");
      g.append("circle").attr("class", "dw-token-hit").attr("r", HIT_RADIUS).attr("fill", "transparent");
      g.append("circle").attr("class", "dw-token-ring").attr("r", 11).attr("fill", "none");
      g.append("circle").attr("class", "dw-token-dot").attr("r", 6).style("fill", roleColor("token"));
      g.append("text").attr("class", "dw-token-label").attr("x", 10).attr("y", -10).attr("font-size", 12);
      return g;
    })
    .attr("data-index", (i) => i)
    .each(function (i) {
      const label = this.querySelector("text.dw-token-label");
      if (label) label.textContent = truncateLabel(tokens[i], 14);
    })
    .nodes();
}

/** Moves one token and refreshes its accessible name and value. */
export function positionToken(
  node: SVGGElement,
  token: string,
  point: Pt,
  scales: PlaneScales,
  selected: boolean,
): void {
  node.setAttribute(
    "transform",
    `translate(${scales.x(point[0]).toFixed(2)},${scales.y(point[1]).toFixed(2)})`,
  );
  const where = formatPoint(point[0], point[1]);
  node.setAttribute("aria-label", `token ${token} at ${where}; arrow keys move it`);
  node.setAttribute("aria-valuetext", where);
  // A slider needs a number; x is the closest one-number summary of a 2-D position.
  node.setAttribute("aria-valuenow", point[0].toFixed(2));
  node.setAttribute("aria-valuemin", String(scales.domain[0]));
  node.setAttribute("aria-valuemax", String(scales.domain[1]));
  node.classList.toggle("dw-selected", selected);
  if (selected) node.setAttribute("aria-current", "true");
  else node.removeAttribute("aria-current");
  const ring = node.querySelector(".dw-token-ring");
  if (ring) {
    // A presentation attribute, not an inline style: viz.css can still override it (focus ring,
    // dark theme), and the selection shows even when viz.css is not loaded.
    ring.setAttribute("stroke", selected ? uiColors.focus : "none");
    ring.setAttribute("stroke-width", "3");
  }
}
