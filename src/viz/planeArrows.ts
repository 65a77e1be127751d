import { type Selection, select } from "d3-selection";
import { type Role, roleColor, roleNames } from "./palette";
import type { PlaneScales } from "./planeScales";
import type { PlaneWriter } from "./planeWrite";
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

export interface ArrowLayer {
  /** Draws the sets; only arrows whose anchor, vector or scales changed are rewritten. Returns
   *  true when arrows were added or removed. */
  draw(sets: readonly ArrowSet[], scales: PlaneScales): boolean;
  /** Redraws token `index`'s arrows after its anchor (the same array as drawn) moved. */
  moveAnchor(index: number, scales: PlaneScales): void;
  /** Accessible names, e.g. "query of cat: (0.30, 0.00)". */
  label(tokens: readonly string[]): void;
}

/** One group per kind, one path per token; the vector is drawn anchored at its token. */
export function createArrowLayer(group: Group, w: PlaneWriter): ArrowLayer {
  let sets: readonly ArrowSet[] = [];
  let shape = "";
  let paths: SVGPathElement[][] = [];
  /** Per set, (ax, ay, vx, vy) each path was last drawn from, for the scales in `drawnWith`. */
  let drawnFrom: Float64Array[] = [];
  let drawnWith: PlaneScales | null = null;

  const paint = (s: number, i: number, scales: PlaneScales) => {
    const [ax, ay] = sets[s].anchors[i];
    const [vx, vy] = sets[s].vectors[i];
    const from = drawnFrom[s];
    const k = 4 * i;
    if (from[k] === ax && from[k + 1] === ay && from[k + 2] === vx && from[k + 3] === vy) return;
    from.set([ax, ay, vx, vy], k);
    const { x, y } = scales;
    w.attr(paths[s][i], "d", arrowPath(x(ax), y(ay), x(ax + vx), y(ay + vy)));
  };

  return {
    draw(next, scales) {
      // vectors, not anchors: the anchors are the plane's live array, whose length changes in place.
      const nextShape = next.map((s) => `${s.kind}${s.vectors.length}`).join();
      const reshaped = nextShape !== shape;
      shape = nextShape;
      sets = next;
      if (reshaped) {
        paths = group
          .selectAll<SVGGElement, ArrowSet>("g.dw-arrow-set")
          .data(sets, (s) => s.kind)
          .join((enter) =>
            enter
              .append("g")
              .attr("class", (s) => `dw-arrow-set dw-arrows-${s.kind}`)
              .attr("data-kind", (s) => s.kind)
              .style("stroke", (s) => roleColor(arrowRoles[s.kind])),
          )
          .nodes()
          .map((kindGroup, s) =>
            select(kindGroup)
              .selectAll<SVGPathElement, number>("path")
              .data(sets[s].vectors.map((_, i) => i))
              .join((enter) =>
                enter
                  .append("path")
                  .attr("fill", "none")
                  .attr("stroke-width", 2)
                  .attr("stroke-linecap", "round")
                  .attr("data-index", (i) => i)
                  .attr("role", "img"),
              )
              .nodes(),
          );
        drawnWith = null;
      }
      if (scales !== drawnWith)
        drawnFrom = sets.map((s) => new Float64Array(4 * s.vectors.length).fill(Number.NaN));
      drawnWith = scales;
      for (let s = 0; s < sets.length; s++)
        for (let i = 0; i < sets[s].vectors.length; i++) paint(s, i, scales);
      return reshaped;
    },
    moveAnchor(index, scales) {
      if (scales !== drawnWith) return;
      for (let s = 0; s < sets.length; s++) if (index < sets[s].vectors.length) paint(s, index, scales);
    },
    label(tokens) {
      sets.forEach((set, s) => {
        const role = roleNames[arrowRoles[set.kind]];
        set.vectors.forEach(([vx, vy], i) => {
          w.attr(paths[s][i], "aria-label", `${role} of ${tokens[i] ?? i + 1}: ${formatPoint(vx, vy)}`);
        });
      });
    },
  };
}

export interface LegendItem {
  role: Role;
  label: string;
  /** How the mark looks: an arrow, a diamond (outputs) or a square (values in the mixing view). */
  mark: "arrow" | "diamond" | "square" | "dot";
}

/** A small key in the top-left corner, listing only what is drawn. Call when the items change. */
export function drawLegend(group: Group, items: readonly LegendItem[]): void {
  group
    .selectAll<SVGGElement, LegendItem>("g.dw-legend-item")
    .data(items, (d) => `${d.role}-${d.mark}-${d.label}`)
    .join((enter) => {
      // Role, mark and label are the key: everything but the row's place is fixed when it enters.
      const g = enter.append("g").attr("class", "dw-legend-item");
      g.append("path")
        .attr("class", "dw-legend-mark")
        .attr("d", (d) => legendMark(d.mark))
        .style("stroke", (d) => roleColor(d.role))
        .style("fill", (d) => (d.mark === "arrow" ? "none" : roleColor(d.role)))
        .attr("stroke-width", 2);
      g.append("text")
        .attr("x", 22)
        .attr("dominant-baseline", "middle")
        .attr("font-size", 11)
        .text((d) => d.label);
      return g;
    })
    .attr("transform", (_, i) => `translate(30,${20 + i * 16})`);
}

function legendMark(mark: LegendItem["mark"]): string {
  if (mark === "arrow") return arrowPath(0, 0, 16, 0, 5);
  if (mark === "diamond") return "M8,-5L13,0L8,5L3,0Z";
  if (mark === "square") return "M4,-4H12V4H4Z";
  return "M8,-4A4,4 0 1,1 8,4A4,4 0 1,1 8,-4Z";
}
