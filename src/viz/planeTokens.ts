import type { Selection } from "d3-selection";
import { roleColor, uiColors } from "./palette";
import type { PlaneScales } from "./planeScales";
import type { PlaneWriter } from "./planeWrite";
import { formatPoint, truncateLabel } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Pt = [number, number];

/** Radius of the invisible hit area: ~44 px across, a comfortable touch target. */
const HIT_RADIUS = 22;

/**
 * One focusable group per token: a large transparent hit circle, a selection ring, the dot and
 * its label (textContent only: tokens are reader input). Everything that never changes is set
 * when a group enters; positions and names are written per token by the functions below, so a
 * drag moves one point without touching the rest. Call only when the token list changed.
 */
export function joinTokens(group: Group, tokens: readonly string[], w: PlaneWriter): SVGGElement[] {
  const nodes = group
    .selectAll<SVGGElement, number>("g.dw-token")
    .data(tokens.map((_, i) => i))
    .join((enter) => {
      const g = enter
        .append("g")
        .attr("class", "dw-token")
        .attr("data-index", (i) => i) // joined by index: a node keeps its index while it lives
        .attr("tabindex", 0)
        .attr("role", "slider")
        .attr("aria-roledescription", "draggable point")
        .style("touch-action", "none");
      g.append("circle").attr("class", "dw-token-hit").attr("r", HIT_RADIUS).attr("fill", "transparent");
      // A presentation attribute, not an inline style: viz.css can still override it (focus ring,
      // dark theme), and the selection shows even when viz.css is not loaded.
      g.append("circle")
        .attr("class", "dw-token-ring")
        .attr("r", 11)
        .attr("fill", "none")
        .attr("stroke", "none")
        .attr("stroke-width", 3);
      g.append("circle").attr("class", "dw-token-dot").attr("r", 6).style("fill", roleColor("token"));
      g.append("text").attr("class", "dw-token-label").attr("x", 10).attr("y", -10).attr("font-size", 12);
      return g;
    })
    .nodes();
  nodes.forEach((node, i) => {
    const label = node.querySelector("text.dw-token-label");
    if (label) w.text(label, truncateLabel(tokens[i], 14));
  });
  return nodes;
}

/** Moves one token; the slider's range follows the plane's domain. */
export function placeToken(w: PlaneWriter, node: SVGGElement, point: Pt, scales: PlaneScales): void {
  w.attr(node, "transform", `translate(${scales.x(point[0]).toFixed(2)},${scales.y(point[1]).toFixed(2)})`);
  w.attr(node, "aria-valuemin", String(scales.domain[0]));
  w.attr(node, "aria-valuemax", String(scales.domain[1]));
}

/**
 * A token's accessible name and value. The plane writes them at once for the token being moved
 * or focused (a screen reader announces its value) and after a burst of updates for the rest.
 */
export function describeToken(w: PlaneWriter, node: SVGGElement, token: string, point: Pt): void {
  const where = formatPoint(point[0], point[1]);
  w.attr(node, "aria-label", `token ${token} at ${where}; arrow keys move it`);
  w.attr(node, "aria-valuetext", where);
  // A slider needs a number; x is the closest one-number summary of a 2-D position.
  w.attr(node, "aria-valuenow", point[0].toFixed(2));
}

/** Marks the selected token: class, aria-current and the ring's stroke. */
export function markToken(w: PlaneWriter, node: SVGGElement, selected: boolean): void {
  w.attr(node, "class", selected ? "dw-token dw-selected" : "dw-token");
  w.attr(node, "aria-current", selected ? "true" : null);
  const ring = node.querySelector(".dw-token-ring");
  if (ring) w.attr(ring, "stroke", selected ? uiColors.focus : "none");
}
