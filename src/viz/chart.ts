import { select } from "d3-selection";
import { drawAxes, drawMarkers } from "./chartAxes";
import { type ChartFormat, chartFormat, describeChart, nearestPoint, readoutText } from "./chartDescribe";
import { handleInView, joinHandles, placeHandle } from "./chartHandles";
import { attachChartInput } from "./chartInput";
import { type ChartScales, chartLayout, chartScales, clampTo } from "./chartScales";
import { colourOf, drawLegend, drawSeries, type LegendEntry } from "./chartSeries";
import type {
  ChartData,
  ChartDragPhase,
  ChartFigure,
  ChartHandle,
  ChartOptions,
  ChartSeries,
  Point,
} from "./chartTypes";
import { uiColor } from "./palette";
import { createPointOverrides } from "./planeOverrides";
import { clientToSvg, uniqueId } from "./svg";

export type {
  ChartColour,
  ChartData,
  ChartDragPhase,
  ChartFigure,
  ChartHandle,
  ChartMarker,
  ChartOptions,
  ChartSeries,
  ChartSeriesKind,
} from "./chartTypes";

/**
 * A line/scatter chart: series as solid, dashed or step lines or points, vertical markers, and
 * draggable handles (`role="slider"`, arrow keys, pointer drag). Under the SVG: an HTML legend
 * and a readout line naming each series' value at the hovered x or the focused handle's x.
 *
 * A dragged handle moves at once, clamped to the domains, and is reported with onHandleDrag; the
 * domains stay frozen during a pointer drag, and a stale update() cannot pull the handle back
 * (the same per-index overrides as the plane, see planeOverrides.ts).
 */
export function drawChart(element: HTMLElement, data: ChartData, options: ChartOptions = {}): ChartFigure {
  const doc = element.ownerDocument;
  const root = doc.createElement("div");
  root.className = "dw-chart";
  element.appendChild(root);
  const svg = select(root)
    .append("svg")
    .attr("class", "dw-chart-svg")
    .attr("role", "group")
    .style("width", "100%")
    .style("height", "auto"); // no touch-action here: a phone must still scroll past the chart
  const svgNode = svg.node() as SVGSVGElement;
  const desc = svg.append("desc").node() as SVGDescElement;
  const clipId = uniqueId("dw-chart-clip");
  const clipRect = svg.append("defs").append("clipPath").attr("id", clipId).append("rect");
  const layers = {
    axes: svg.append("g").attr("class", "dw-chart-axes").attr("aria-hidden", "true"),
    markers: svg.append("g").attr("class", "dw-chart-markers").attr("aria-hidden", "true"),
    // The <desc> describes the series; their marks would only add noise for a screen reader.
    series: svg
      .append("g")
      .attr("class", "dw-chart-plot")
      .attr("clip-path", `url(#${clipId})`)
      .attr("aria-hidden", "true"),
    hover: svg.append("g").attr("class", "dw-chart-hover").attr("aria-hidden", "true"),
    handles: svg.append("g").attr("class", "dw-chart-handles"),
  };
  const guide = layers.hover.append("line").attr("class", "dw-chart-guide").style("stroke", uiColor("muted"));
  const legend = select(root).append("ul").attr("class", "dw-chart-legend").attr("aria-label", "Legend");
  const readout = doc.createElement("p");
  readout.className = "dw-chart-readout";
  root.appendChild(readout);

  let current = data;
  let opts = options;
  let scales: ChartScales | null = null;
  let format: ChartFormat | null = null;
  let handleNodes: SVGGElement[] = [];
  let handleIds = "";
  /** Where each handle is drawn, in data units: the caller's point unless an override holds it. */
  const drawn: Point[] = [];
  const overrides = createPointOverrides();
  let hoverX: number | null = null;
  let focused: number | null = null;
  let axesKey = "";

  const input = attachChartInput(svgNode, root, {
    toSvg: (clientX, clientY) => clientToSvg(svgNode, clientX, clientY),
    handleAt(index) {
      if (!scales || !drawn[index]) return null;
      const [x, y] = handleInView(drawn[index], scales);
      return [scales.x(x), scales.y(y)];
    },
    dragTo(index, px, phase) {
      if (!scales || !drawn[index]) return;
      moveHandle(index, px ? [scales.x.invert(px[0]), scales.y.invert(px[1])] : drawn[index], phase);
    },
    nudge(index, direction, big) {
      if (!scales || !drawn[index]) return;
      const next = stepped(drawn[index], direction, big, scales);
      moveHandle(index, next, "move");
      moveHandle(index, next, "end");
    },
    hover(px) {
      const inside = px && scales && px[0] >= scales.layout.left && px[0] <= scales.layout.right;
      const x = inside && scales ? scales.x.invert(px[0]) : null;
      // On an integer axis the reader points at a count: read the whole number nearest the pointer.
      hoverX = x !== null && scales?.integer ? Math.round(x) : x;
      renderHover();
    },
    focus(index) {
      focused = index;
      renderHover();
    },
  });

  /** A point the reader chose, made valid: inside the domains, whole x on an integer axis. */
  function settle([x, y]: Point, s: ChartScales): Point {
    let sx = clampTo(x, s.xDomain);
    if (s.integer) {
      const lo = Math.ceil(s.xDomain[0]);
      const hi = Math.floor(s.xDomain[1]);
      sx = lo <= hi ? Math.min(hi, Math.max(lo, Math.round(sx))) : sx;
    }
    return [sx, clampTo(y, s.yDomain, s.log)];
  }

  /**
   * One arrow-key step: `step` data units (default 1 on an integer x axis, else 1/20 of the
   * domain), ×5 with Shift. On a log y axis ↑/↓ multiply by 10^0.1 (10^0.5 with Shift).
   */
  function stepped(at: Point, [dx, dy]: Point, big: boolean, s: ChartScales): Point {
    const times = big ? 5 : 1;
    const step = opts.step !== undefined && Number.isFinite(opts.step) && opts.step > 0 ? opts.step : null;
    const xStep = s.integer
      ? Math.max(1, Math.round(step ?? 1))
      : (step ?? (s.xDomain[1] - s.xDomain[0]) / 20);
    const from = handleInView(at, s);
    const y = s.log
      ? from[1] * 10 ** (0.1 * dy * times)
      : from[1] + dy * times * (step ?? (s.yDomain[1] - s.yDomain[0]) / 20);
    return settle([from[0] + dx * times * xStep, y], s);
  }

  function moveHandle(index: number, point: Point, phase: ChartDragPhase): void {
    const s = scales;
    if (!s || index >= drawn.length) return;
    const p = settle(point, s);
    if (phase !== "end" && !overrides.isActive(index)) overrides.begin(index, drawn[index]);
    overrides.move(index, p);
    if (phase === "end") overrides.end(index);
    // The handle repaints in this frame, before the caller answers; mid-drag nothing else moves.
    if (input.dragging()) {
      drawn[index] = p;
      placeHandle(handleNodes[index], p, s, text);
      renderHover();
    } else render();
    opts.onHandleDrag?.(index, [p[0], p[1]], phase);
  }

  const text = (v: number, axis: "x" | "y") => (format ? format[axis](v) : String(v));

  // On a narrow container the viewBox narrows with it, so labels keep their size in CSS px
  // instead of shrinking with the whole drawing (11 px text would be 7 px on a phone).
  let containerWidth: number | null = null;
  const ResizeObserverClass = doc.defaultView?.ResizeObserver;
  let resize = ResizeObserverClass
    ? new ResizeObserverClass((entries) => {
        const width = Math.round(entries[0]?.contentRect.width ?? 0);
        if (width <= 0 || width === containerWidth || input.dragging()) return;
        containerWidth = width;
        // Next frame, not inside the callback: the redraw changes the SVG's height, and a size
        // change during delivery would end the observer's loop with an error.
        doc.defaultView?.requestAnimationFrame(() => {
          if (resize) render();
        });
      })
    : null;
  resize?.observe(root);

  function render(): void {
    const handles = current.handles ?? [];
    const ids = handles.map((h) => h.id).join("\u0000");
    if (ids !== handleIds) {
      overrides.clear(); // other handles now: old indices mean other points
      handleIds = ids;
    }
    handleNodes = joinHandles(layers.handles, handles);
    drawn.length = handles.length;
    handles.forEach((h, i) => {
      drawn[i] = overrides.resolve(i, [h.x, h.y]);
    });
    // Frozen during a pointer drag: rescaling under the finger would move the handle away from it.
    if (!scales || !input.dragging()) {
      const [width, height] = fittedSize(opts.width ?? 480, opts.height ?? 300, containerWidth);
      scales = chartScales(current, drawn, chartLayout(width, height));
    }
    const s = scales;
    format = chartFormat(s, opts.digits);
    const { layout } = s;
    const xEnds = s.xFormat ? s.xDomain.map(s.xFormat) : [];
    const nextAxesKey = [
      ...s.xDomain,
      ...s.yDomain,
      s.log,
      s.integer,
      layout.width,
      layout.height,
      ...xEnds,
    ].join();
    if (nextAxesKey + current.x.label + current.y.label !== axesKey) {
      axesKey = nextAxesKey + current.x.label + current.y.label;
      svg.attr("viewBox", `0 0 ${layout.width} ${layout.height}`);
      clipRect
        .attr("x", layout.left)
        .attr("y", layout.top)
        .attr("width", layout.right - layout.left)
        .attr("height", layout.bottom - layout.top);
      drawAxes(layers.axes, s, current.x.label, current.y.label);
    }
    const title = current.title.trim() || "Chart"; // an empty name would leave the group unnamed
    if (svgNode.getAttribute("aria-label") !== title) svg.attr("aria-label", title);
    drawMarkers(layers.markers, current.markers ?? [], s);
    drawSeries(layers.series, current.series, s);
    handleNodes.forEach((node, i) => {
      placeHandle(node, drawn[i], s, text);
    });
    const entries: LegendEntry[] = [
      ...current.series.map((x) => ({ id: x.id, label: x.label, colour: x.colour, kind: x.kind })),
      ...handleLegend(handles, current.handlesLegend),
    ];
    drawLegend(legend, entries);
    const summary = describeChart(current, s, drawn, format);
    if (desc.textContent !== summary) desc.textContent = summary;
    renderHover();
  }

  /** The readout line, the guide line and a ring on each series' nearest point. */
  function renderHover(): void {
    const s = scales;
    const handles = current.handles ?? [];
    const handle = focused !== null && handles[focused] && drawn[focused] ? drawn[focused] : null;
    const x = handle ? handle[0] : hoverX;
    if (!s || !format || x === null || !Number.isFinite(x)) {
      if (readout.textContent !== "") readout.textContent = "";
      guide.attr("visibility", "hidden");
      layers.hover.selectAll("circle").remove();
      return;
    }
    const label = handle && focused !== null ? { label: handles[focused].label, point: handle } : undefined;
    const line = readoutText(x, current.series, s, format, label);
    if (readout.textContent !== line) readout.textContent = line;
    const gx = s.x(clampTo(x, s.xDomain));
    guide
      .attr("visibility", "visible")
      .attr("x1", gx)
      .attr("x2", gx)
      .attr("y1", s.layout.top)
      .attr("y2", s.layout.bottom);
    const nearest = current.series
      .map((series) => ({ series, p: nearestPoint(series, x, s.log) }))
      .filter((d): d is { series: ChartSeries; p: readonly [number, number] } => d.p !== null);
    layers.hover
      .selectAll<SVGCircleElement, (typeof nearest)[number]>("circle.dw-chart-nearest")
      .data(nearest, (d) => d.series.id)
      .join("circle")
      .attr("class", "dw-chart-nearest")
      .attr("r", 5)
      .attr("fill", "none")
      .attr("stroke-width", 2)
      .attr("cx", (d) => s.x(clampTo(d.p[0], s.xDomain)))
      .attr("cy", (d) => s.y(clampTo(d.p[1], s.yDomain, s.log)))
      .style("stroke", (d) => colourOf(d.series.colour));
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
      resize?.disconnect();
      resize = null;
      root.remove();
    },
  };
}

/** One legend entry per handle, or a single one for all of them when `handlesLegend` is given. */
function handleLegend(handles: readonly ChartHandle[], handlesLegend: string | undefined): LegendEntry[] {
  if (handlesLegend && handles.length > 0) {
    return [{ id: "\u0000handles", label: handlesLegend, colour: handles[0].colour, kind: "handle" }];
  }
  return handles.map((h) => ({ id: h.id, label: h.label, colour: h.colour, kind: "handle" }));
}

/**
 * The viewBox size for a container `containerWidth` px wide: the requested size when the container
 * is at least that wide, else the container's width (never below 280) with the height shrunk less,
 * to at least 75%, so a phone's chart stays tall enough to read.
 */
export function fittedSize(width: number, height: number, containerWidth: number | null): [number, number] {
  if (containerWidth === null || containerWidth >= width) return [width, height];
  const narrow = Math.max(280, containerWidth);
  return [narrow, Math.round(height * Math.max(0.75, narrow / width))];
}
