import { select } from "d3-selection";
import type { Matrix } from "../core/matrix";
import { activeElementOf } from "./activeElement";
import { createBurstScheduler } from "./burst";
import { type ArrowKind, type ArrowSet, createArrowLayer, drawLegend } from "./planeArrows";
import { coordinates, createRowsMemo, mixingDeps, mixingView } from "./planeData";
import { describePlane, legendItems } from "./planeDescribe";
import { createHullLayer } from "./planeHull";
import { attachPlaneInput, type DragPhase } from "./planeInput";
import { createMixingLayer, createOutputLayer, type MixingView } from "./planeMixing";
import { createPointOverrides, type Point } from "./planeOverrides";
import { type Domain, drawAxes, fitDomain, type PlaneScales, planeScales } from "./planeScales";
import { describeToken, joinTokens, markToken, placeToken } from "./planeTokens";
import { createChangeTracker, createPlaneWriter } from "./planeWrite";
import { clientToSvg } from "./svg";

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
  /** [m, 2] vertices of a polygon shaded under everything, e.g. the convex hull of the values. */
  hull?: Matrix;
}

export interface PlaneOptions {
  /** Data range shown on both axes; default [-1.5, 1.5]; grows to fit everything drawn. */
  domain?: Domain;
  onDrag?: (index: number, xy: [number, number], phase: DragPhase) => void;
  onSelect?: (index: number) => void;
  selected?: number | null;
  /** Arrow-key step in data units; default 0.05, Shift ×5. */
  step?: number;
  /** Marks the figure with data-reduced-motion, for any motion a stylesheet adds (the plane itself animates nothing). */
  reducedMotion?: boolean;
  /** Side of the square viewBox in px; default 400. The SVG scales down to its container. */
  size?: number;
  /** What the diamonds are, in the legend and for screen readers; default "attention output". */
  outputName?: string;
}

export interface PlaneHandle {
  /** Redraws with new data; options given here are merged into the current ones. */
  update(data: PlaneData, options?: Partial<PlaneOptions>): void;
  destroy(): void;
}

const kinds: readonly ArrowKind[] = ["q", "k", "v"];

/**
 * The embedding plane: tokens as draggable points, optional q/k/v arrows, outputs and the
 * mixing lines of one output. The plane moves a dragged point itself at once (see
 * planeOverrides.ts for how stale updates are kept from pulling it back).
 *
 * Updates cost what changed: each layer redraws only when its inputs did (matrices compared by
 * reference), only changed attributes are written (planeWrite.ts), a drag step moves just the
 * dragged token and its arrows, and accessible text other than the moved token's own is written
 * once a burst of updates settles (burst.ts).
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
  const desc = svg.append("desc").node() as SVGDescElement;
  const layers = {
    axes: svg.append("g").attr("class", "dw-axes").attr("aria-hidden", "true"),
    hull: svg.append("g").attr("class", "dw-hull-layer"),
    mixing: svg.append("g").attr("class", "dw-mixing"),
    arrows: svg.append("g").attr("class", "dw-arrows"),
    outputs: svg.append("g").attr("class", "dw-outputs"),
    tokens: svg.append("g").attr("class", "dw-tokens"),
    legend: svg.append("g").attr("class", "dw-legend").attr("aria-hidden", "true"),
  };
  const w = createPlaneWriter();
  const changed = createChangeTracker();
  const texts = createBurstScheduler();
  const arrowLayer = createArrowLayer(layers.arrows, w);
  const outputLayer = createOutputLayer(layers.outputs, w);
  const mixingLayer = createMixingLayer(layers.mixing, w);
  const hullLayer = createHullLayer(layers.hull, w);
  const rowsOf = {
    q: createRowsMemo(),
    k: createRowsMemo(),
    v: createRowsMemo(),
    outputs: createRowsMemo(),
    values: createRowsMemo(),
  };

  let current = data;
  let opts = options;
  let scales: PlaneScales | null = null;
  let tokens: readonly string[] = [];
  let tokenNodes: SVGGElement[] = [];
  /** Where each token is drawn (dragged points included); arrows anchor to this very array. */
  const drawn: Point[] = [];
  /** Bumped whenever a drawn point moves: the dependency of everything anchored to tokens. */
  let drawnVersion = 0;
  let arrowSets: ArrowSet[] = [];
  let outputs: Point[] = [];
  let mixing: MixingView | null = null;
  /** The token being moved by moveTo, whose accessible value is written at once. */
  let moving = -1;
  const overrides = createPointOverrides();

  const input = attachPlaneInput(
    svgNode,
    {
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
        // The dragged point (and its arrows) repaint in this frame, before the caller answers.
        moving = index;
        if (input.dragging() && scales && index < drawn.length) moveToken(index, scales);
        else render();
        moving = -1;
        if (phase === "end") texts.flush(); // the drag is over: every name is current again
        opts.onDrag?.(index, [position[0], position[1]], phase);
      },
      select: (index) => opts.onSelect?.(index),
    },
    element,
  );

  const outputName = () => opts.outputName ?? "attention output";

  /** The token whose own value a screen reader may be announcing: moved or focused. */
  const activeToken = () =>
    moving >= 0 ? moving : tokenNodes.indexOf(activeElementOf(svgNode) as SVGGElement);

  /** Draws token i at drawn[i]; its own name and value are written now, the rest later. */
  function placeAt(i: number, s: PlaneScales, point: Point): void {
    drawn[i] = point;
    placeToken(w, tokenNodes[i], point, s);
    if (i === activeToken()) describeToken(w, tokenNodes[i], tokens[i], point);
  }

  /** The drag's hot path: only the dragged token and its arrows; the scales stay frozen. */
  function moveToken(index: number, s: PlaneScales): void {
    const point = overrides.resolve(index, drawn[index]);
    if (point[0] === drawn[index][0] && point[1] === drawn[index][1]) return;
    placeAt(index, s, point);
    drawnVersion++;
    arrowLayer.moveAnchor(index, s);
    changed("arrows", [arrowSets, drawnVersion, s]); // record: the arrows are current
    texts.run(renderTexts);
  }

  function render(): void {
    const points = current.points;
    const n = points.cols >= 2 ? Math.min(current.tokens.length, points.rows) : 0;
    const reshaped = n !== tokens.length || current.tokens.some((t, i) => i < n && t !== tokens[i]);
    if (n !== drawn.length) {
      overrides.clear(); // new token list: old indices mean other tokens
      drawn.length = 0;
    }
    const moved: number[] = [];
    for (let i = 0; i < n; i++) {
      const caller: Point = [points.data[i * points.cols], points.data[i * points.cols + 1]];
      const p = overrides.resolve(i, caller);
      if (!drawn[i] || !Object.is(drawn[i][0], p[0]) || !Object.is(drawn[i][1], p[1])) {
        drawn[i] = p;
        moved.push(i);
      }
    }
    if (moved.length > 0) drawnVersion++;
    const vectorsOf = kinds.map((kind) => rowsOf[kind](current.arrows?.[kind], n));
    if (changed("arrowSets", vectorsOf)) {
      arrowSets = [];
      kinds.forEach((kind, s) => {
        const vectors = vectorsOf[s];
        if (vectors) arrowSets.push({ kind, anchors: drawn, vectors });
      });
    }
    outputs = rowsOf.outputs(current.outputs, n) ?? [];
    mixing = mixingView(current.mixing, outputs, rowsOf.values, n);

    // Frozen while dragging: rescaling under the pointer would move the point away from it.
    const base = opts.domain ?? [-1.5, 1.5];
    const size = opts.size ?? 400;
    const domainDeps = [drawnVersion, arrowSets, outputs, mixing?.values, base[0], base[1], size];
    if (!scales || (!input.dragging() && changed("domain", domainDeps))) {
      const domain = fitDomain(base, coordinates(drawn, arrowSets, outputs, mixing));
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
    w.attr(svgNode, "data-reduced-motion", opts.reducedMotion ? "true" : "false");

    let entered = reshaped;
    if (reshaped) {
      tokens = current.tokens.slice(0, n);
      tokenNodes = joinTokens(layers.tokens, tokens, w);
    }
    // New nodes or scales: every token; otherwise only those that moved.
    if (changed("tokenFrame", [s, tokenNodes])) for (let i = 0; i < n; i++) placeAt(i, s, drawn[i]);
    else for (const i of moved) placeAt(i, s, drawn[i]);
    if (changed("selected", [opts.selected, tokenNodes]))
      tokenNodes.forEach((node, i) => {
        markToken(w, node, opts.selected === i);
      });
    if (changed("arrows", [arrowSets, drawnVersion, s])) entered = arrowLayer.draw(arrowSets, s) || entered;
    if (changed("outputs", [outputs, s])) entered = outputLayer.draw(outputs, s) || entered;
    if (changed("mixing", [s, ...mixingDeps(mixing)])) entered = mixingLayer.draw(mixing, s) || entered;
    if (changed("hull", [current.hull, s])) hullLayer.draw(current.hull ?? null, s);
    const legend = legendItems(arrowSets, outputs.length > 0, mixing !== null, outputName());
    if (changed("legend", [legend.map((item) => `${item.role}-${item.mark}-${item.label}`).join()]))
      drawLegend(layers.legend, legend);

    // New marks get their names now; otherwise names may wait for a burst of updates to settle.
    if (entered) {
      texts.cancel();
      renderTexts();
    } else texts.run(renderTexts);
  }

  /** Accessible names and the <desc>, each part only if its inputs changed since last written. */
  function renderTexts(): void {
    if (changed("tokenTexts", [tokenNodes, drawnVersion]))
      tokenNodes.forEach((node, i) => {
        describeToken(w, node, tokens[i], drawn[i]);
      });
    if (changed("arrowTexts", [arrowSets, tokens])) arrowLayer.label(tokens);
    if (changed("outputTexts", [outputs, tokens, outputName()]))
      outputLayer.label(outputs, tokens, outputName());
    if (changed("mixingTexts", [tokens, ...mixingDeps(mixing)])) mixingLayer.label(mixing, tokens);
    if (changed("desc", [tokens, drawnVersion, arrowSets, outputs.length > 0, mixing?.row, outputName()]))
      w.text(desc, describePlane(tokens, drawn, arrowSets, outputs.length > 0, mixing, outputName()));
  }

  render();
  return {
    update(next, nextOptions) {
      current = next;
      if (nextOptions) opts = { ...opts, ...nextOptions };
      render();
    },
    destroy() {
      texts.cancel();
      input.destroy();
      svgNode.remove();
    },
  };
}
