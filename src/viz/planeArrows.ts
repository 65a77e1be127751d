import type { Selection } from "d3-selection";
import { type Role, roleColor, roleNames } from "./palette";
import type { PlaneScales } from "./planeScales";
import { formatPoint } from "./svg";

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Pt = [number, number];

export type ArrowKind = "q" | "k" | "v";
export const arrowRoles: Readonly<Record<ArrowKind, Role>> = { q: "query", k: "key", v: "value" };

/**
 * An SVG path for an arrow from (x1, y1) to (x2, y2) in px: the shaft, then a two-stroke head of
 * `head` px at ±25°. Drawn as one stroked path rather than a <marker>, whose id would have to be
 * unique per document and which jsdom does not lay out. Shorter than 1 px: no arrow.
 */
export function arrowPath(x1: number, y1: number, x2: number, y2: number, head = 7): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (!(length >= 1)) return "";
  const angle = Math.atan2(dy, dx);
  const h = Math.min(head, length / 2);
  const spread = (25 * Math.PI) / 180;
  const ax = x2 - h * Math.cos(angle - spread);
  const ay = y2 - h * Math.sin(angle - spread);
  const bx = x2 - h * Math.cos(angle + spread);
  const by = y2 - h * Math.sin(angle + spread);
  const f = (n: number) => n.toFixed(2);
  return `M${f(x1)},${f(y1)}L${f(x2)},${f(y2)}M${f(ax)},${f(ay)}L${f(x2)},${f(y2)}L${f(bx)},${f(by)}`;
}

export interface ArrowSet {
  kind: ArrowKind;
  /** Where each arrow starts: the token as drawn (dragged points included). */
  anchors: readonly Pt[];
  /** The 2-D vector drawn from each anchor, e.g. the token's query q_i. */
  vectors: readonly Pt[];
}

/** One group per kind, one path per token; the vector is drawn anchored at its token. */
export function drawArrows(
  group: Group,
  sets: readonly ArrowSet[],
  scales: PlaneScales,
  tokens: readonly string[],
): void {
  const { x, y } = scales;
  const kinds = group
    .selectAll<SVGGElement, ArrowSet>("g.dw-arrow-set")
    .data(sets, (s) => s.kind)
    .join("g")
    .attr("class", (s) => `dw-arrow-set dw-arrows-${s.kind}`)
    .attr("data-kind", (s) => s.kind)
    .style("stroke", (s) => roleColor(arrowRoles[s.kind]));
  kinds
    .selectAll<SVGPathElement, { set: ArrowSet; i: number }>("path")
    .data((set) => set.anchors.map((_, i) => ({ set, i })))
    .join("path")
    .attr("fill", "none")
    .attr("stroke-width", 2)
    .attr("stroke-linecap", "round")
    .attr("data-index", ({ i }) => i)
    .attr("d", ({ set, i }) => {
      const [ax, ay] = set.anchors[i];
      const [vx, vy] = set.vectors[i];
      return arrowPath(x(ax), y(ay), x(ax + vx), y(ay + vy));
    })
    .attr("role", "img")
    .attr("aria-label", ({ set, i }) => {
      const [vx, vy] = set.vectors[i];
      return `${roleNames[arrowRoles[set.kind]]} of ${tokens[i] ?? i + 1}: ${formatPoint(vx, vy)}`;
    });
}

export interface LegendItem {
  role: Role;
  label: string;
  /** How the mark looks: an arrow, a diamond (outputs) or a square (values in the mixing view). */
  mark: "arrow" | "diamond" | "square" | "dot";
}

/** A small key in the top-left corner, listing only what is drawn. */
export function drawLegend(group: Group, items: readonly LegendItem[]): void {
  const rows = group
    .selectAll<SVGGElement, LegendItem>("g.dw-legend-item")
    .data(items, (d) => `${d.role}-${d.mark}`)
    .join((enter) => {
      const g = enter.append("g").attr("class", "dw-legend-item");
      g.append("path").attr("class", "dw-legend-mark");
      g.append("text").attr("x", 22).attr("dominant-baseline", "middle").attr("font-size", 11);
      return g;
    })
    .attr("transform", (_, i) => `translate(30,${20 + i * 16})`);
  rows
    .select("path")
    .attr("d", (d) => legendMark(d.mark))
    .style("stroke", (d) => roleColor(d.role))
    .style("fill", (d) => (d.mark === "arrow" ? "none" : roleColor(d.role)))
    .attr("stroke-width", 2);
  rows.select("text").text((d) => d.label);
}

function legendMark(mark: LegendItem["mark"]): string {
  if (mark === "arrow") return arrowPath(0, 0, 16, 0, 5);
  if (mark === "diamond") return "M8,-5L13,0L8,5L3,0Z";
  if (mark === "square") return "M4,-4H12V4H4Z";
  return "M8,-4A4,4 0 1,1 8,4A4,4 0 1,1 8,-4Z";
}
