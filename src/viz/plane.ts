import { select } from "d3-selection";
import type { Matrix } from "../core/matrix";
import { roleNames } from "./palette";
import {
  type ArrowKind,
  type ArrowSet,
  arrowRoles,
  drawArrows,
  drawLegend,
  type LegendItem,
} from "./planeArrows";
import { attachPlaneInput, type DragPhase } from "./planeInput";
import { drawMixing, drawOutputs, type MixingView } from "./planeMixing";
import { createPointOverrides, type Point } from "./planeOverrides";
import { type Domain, drawAxes, fitDomain, type PlaneScales, planeScales } from "./planeScales";
import { joinTokens, positionToken } from "./planeTokens";
import { clientToSvg, formatPoint } from "./svg";

export interface PlaneData {
  tokens: readonly string[];
  /** [n, 2] token embeddings x_i. */
  points: Matrix;
  /** [n, 2] each: q_i, k_i, v_i drawn as arrows starting at token i. */
  arrows?: { q?: Matrix; k?: Matrix; v?: Matrix };
  /** [n, 2] attention outputs o_i, drawn as diamonds. */
  outputs?: Matrix;
  /** One output as a mixture: lines from outputs[row] to each value v_j, weighted by weights[j]. */
  mixing?: { row: number; weights: readonly number[]; values: Matrix };
}

export interface PlaneOptions {
  /** Data range shown on both axes; default [-1.5, 1.5]; grows to fit everything drawn. */
  domain?: Domain;
  onDrag?: (index: number, xy: [number, number], phase: DragPhase) => void;
  onSelect?: (index: number) => void;
  selected?: number | null;
  /** Arrow-key step in data units; default 0.05, Shift ×5. */
  step?: number;
  /** Disables the CSS transitions of viz.css (prefers-reduced-motion also does). */
  reducedMotion?: boolean;
  /** Side of the square viewBox in px; default 400. The SVG scales down to its container. */
  size?: number;
}

export interface PlaneHandle {
  /** Redraws with new data; options given here are merged into the current ones. */
  update(data: PlaneData, options?: Partial<PlaneOptions>): void;
  destroy(): void;
}

const rowsOf = (m: Matrix | undefined, n: number): Point[] | null =>
  m && m.cols >= 2 && m.rows >= n
    ? Array.from({ length: n }, (_, i): Point => [m.data[i * m.cols], m.data[i * m.cols + 1]])
    : null;

/**
 * The embedding plane: tokens as draggable points, optional q/k/v arrows, outputs and the
 * mixing lines of one output. The plane moves a dragged point itself at once (see
 * planeOverrides.ts for how stale updates are kept from pulling it back).
 */
export function drawPlane(element: HTMLElement, data: PlaneData, options: PlaneOptions = {}): PlaneHandle {
  const svg = select(element)
    .append("svg")
    .attr("class", "dw-plane")
    .attr("role", "group")
    .style("max-width", "100%")
    .style("height", "auto"); // no touch-action here: a phone must still scroll past the plane
  const svgNode = svg.node() as SVGSVGElement;
  svg.append("title").text("Token embedding plane");
  const desc = svg.append("desc");
  const layers = {
    axes: svg.append("g").attr("class", "dw-axes").attr("aria-hidden", "true"),
    mixing: svg.append("g").attr("class", "dw-mixing"),
    arrows: svg.append("g").attr("class", "dw-arrows"),
    outputs: svg.append("g").attr("class", "dw-outputs"),
    tokens: svg.append("g").attr("class", "dw-tokens"),
    legend: svg.append("g").attr("class", "dw-legend").attr("aria-hidden", "true"),
  };

  let current = data;
  let opts = options;
  let scales: PlaneScales | null = null;
  let tokenNodes: SVGGElement[] = [];
  let drawn: Point[] = [];
  const overrides = createPointOverrides();

  const input = attachPlaneInput(svgNode, {
    toData(clientX, clientY) {
      const [sx, sy] = clientToSvg(svgNode, clientX, clientY);
      return scales ? [scales.x.invert(sx), scales.y.invert(sy)] : [0, 0];
    },
    positionOf: (index) => drawn[index] ?? null,
    step: () => (opts.step !== undefined && opts.step > 0 ? opts.step : 0.05),
    moveTo(index, position, phase) {
      if (phase !== "end" && !overrides.isActive(index)) overrides.begin(index, drawn[index] ?? position);
      overrides.move(index, position);
      if (phase === "end") overrides.end(index);
      render(); // the dragged point (and its arrows) repaint in this frame, before the caller answers
      opts.onDrag?.(index, [position[0], position[1]], phase);
    },
    select: (index) => opts.onSelect?.(index),
  });

  function render(): void {
    const { tokens } = current;
    const n = Math.min(tokens.length, current.points.rows);
    const callerPoints = rowsOf(current.points, n) ?? [];
    if (drawn.length !== n) overrides.clear(); // new token list: old indices mean other tokens
    drawn = callerPoints.map((p, i) => overrides.resolve(i, p));

    const arrowSets: ArrowSet[] = [];
    for (const kind of ["q", "k", "v"] as ArrowKind[]) {
      const vectors = rowsOf(current.arrows?.[kind], n);
      if (vectors) arrowSets.push({ kind, anchors: drawn, vectors });
    }
    const outputs = rowsOf(current.outputs, n) ?? [];
    const mixing = mixingView(current, outputs, n);

    // Frozen while dragging: rescaling under the pointer would move the point away from it.
    if (!scales || !input.dragging()) {
      const coordinates = [
        ...drawn.flat(),
        ...arrowSets.flatMap((s) => s.vectors.flatMap((v, i) => [drawn[i][0] + v[0], drawn[i][1] + v[1]])),
        ...outputs.flat(),
        ...(mixing?.values.flat() ?? []),
      ];
      const domain = fitDomain(opts.domain ?? [-1.5, 1.5], coordinates);
      const size = opts.size ?? 400;
      if (
        !scales ||
        scales.domain[0] !== domain[0] ||
        scales.domain[1] !== domain[1] ||
        scales.size !== size
      ) {
        scales = planeScales(domain, size);
        svg.attr("viewBox", `0 0 ${size} ${size}`).attr("width", size).attr("height", size);
        drawAxes(layers.axes, scales);
      }
    }
    const s = scales as PlaneScales;
    svg.attr("data-reduced-motion", opts.reducedMotion ? "true" : "false");

    drawMixing(layers.mixing, mixing, tokens, s);
    drawArrows(layers.arrows, arrowSets, s, tokens);
    drawOutputs(layers.outputs, outputs, tokens, s);
    tokenNodes = joinTokens(layers.tokens, tokens.slice(0, n));
    for (let i = 0; i < n; i++) positionToken(tokenNodes[i], tokens[i], drawn[i], s, opts.selected === i);
    drawLegend(layers.legend, legendItems(arrowSets, outputs.length > 0, mixing !== null));
    desc.text(describe(tokens, drawn, arrowSets, outputs.length > 0, mixing));
  }

  render();
  return {
    update(next, nextOptions) {
      current = next;
      if (nextOptions) opts = { ...opts, ...nextOptions };
      render();
    },
    destroy() {
      input.destroy();
      svgNode.remove();
    },
  };
}

function mixingView(data: PlaneData, outputs: Point[], n: number): MixingView | null {
  const m = data.mixing;
  if (!m) return null;
  const values = rowsOf(m.values, Math.min(n, m.values.rows)) ?? [];
  const inRange = Number.isInteger(m.row) && m.row >= 0 && m.row < outputs.length;
  return { row: m.row, weights: m.weights, values, output: inRange ? outputs[m.row] : null };
}

function legendItems(arrowSets: ArrowSet[], hasOutputs: boolean, hasMixing: boolean): LegendItem[] {
  const items: LegendItem[] = [{ role: "token", label: "token", mark: "dot" }];
  for (const set of arrowSets)
    items.push({ role: arrowRoles[set.kind], label: roleNames[arrowRoles[set.kind]], mark: "arrow" });
  if (hasMixing) items.push({ role: "value", label: "value (mixing)", mark: "square" });
  if (hasOutputs) items.push({ role: "output", label: roleNames.output, mark: "diamond" });
  return items;
}

/** The <desc>: what the figure shows, in words, for readers who cannot see it. */
function describe(
  tokens: readonly string[],
  points: Point[],
  arrowSets: ArrowSet[],
  hasOutputs: boolean,
  mixing: MixingView | null,
): string {
  const parts = [
    `Embedding plane with ${points.length} token${points.length === 1 ? "" : "s"}: ${points
      .map((p, i) => `${tokens[i]} at ${formatPoint(p[0], p[1])}`)
      .join("; ")}.`,
  ];
  if (arrowSets.length > 0) {
    parts.push(
      `Arrows from each token show its ${arrowSets.map((s) => roleNames[arrowRoles[s.kind]]).join(", ")}.`,
    );
  }
  if (hasOutputs) parts.push("Diamonds mark the attention outputs.");
  if (mixing) {
    parts.push(
      `Lines from the output of ${tokens[mixing.row] ?? mixing.row + 1} to each value are as strong as its weight.`,
    );
  }
  return parts.join(" ");
}
