import type { Matrix } from "../core/matrix";
import { createBurstScheduler } from "./burst";
import { type CellCanvas, createCellCanvas } from "./heatmapCanvas";
import { type HeatmapLayout, heatmapLayout, valueFontSize } from "./heatmapLayout";
import { attachRowInteraction } from "./heatmapRows";
import { maxAbsFinite, stickyExtent } from "./heatmapScale";
import { createHeatmapSkeleton, type HeatmapNodes, joinHeatmap } from "./heatmapStructure";
import { readableTextOn, scoreColorScale, uiColor, uiColors, weightColor } from "./palette";
import { formatNumber, uniqueId } from "./svg";

export interface HeatmapData {
  /** [rows, cols], e.g. attention weights softmax(QKᵀ/√d) or scores QKᵀ/√d. */
  values: Matrix;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** Names the figure for assistive technology, e.g. "Attention weights softmax(QKᵀ/√d)". */
  title: string;
  /** Cells hidden from attention (e.g. causal mask). Default: entries equal to -Infinity. */
  masked?: (row: number, col: number) => boolean;
}

export interface HeatmapOptions {
  /** "weights": sequential colours on [0, 1]; "scores": diverging colours centred on 0. */
  scale: "weights" | "scores";
  /** Decimals in labels and readouts; default 2. */
  digits?: number;
  /** Row highlighted when neither pointer nor focus is on a row (e.g. the token selected elsewhere). */
  selectedRow?: number | null;
  /** Called with the row under the pointer or keyboard focus, and null when neither is on a row. */
  onSelectRow?: (row: number | null) => void;
  /** Cell side in px; default adapts so a 64 × 64 grid is ~450 px. */
  cellSize?: number;
  /** "scores" only: colour extent ±extent. Default max |finite score|; fix it to stop colours rescaling mid-drag. */
  scoreExtent?: number;
}

export interface HeatmapHandle {
  /** Redraws with new data; options given here are merged into the current ones. */
  update(data: HeatmapData, options?: Partial<HeatmapOptions>): void;
  destroy(): void;
  /**
   * Each cell's colour as drawn, row-major (k = i·cols + j): `#rrggbb`/`rgb(r, g, b)`, or
   * `url(#…)` naming the SVG's hatch pattern for a masked cell. For tests and SVG export: the
   * colours are painted on a canvas, not stored on the cell rects.
   */
  colours?(): readonly string[];
}

/** Draws `data.values` as an accessible grid of coloured cells into `element`. */
export function drawHeatmap(element: HTMLElement, data: HeatmapData, options: HeatmapOptions): HeatmapHandle {
  const hatchId = uniqueId("dw-hatch");
  const readoutId = uniqueId("dw-readout");
  const doc = element.ownerDocument;
  // The frame stacks the cell canvas under the SVG; heatmapCanvas.ts explains the geometry.
  const frame = doc.createElement("div");
  frame.className = "dw-heatmap-frame";
  frame.style.position = "relative";
  element.appendChild(frame);
  const svg = createHeatmapSkeleton(frame, hatchId, uiColor("masked"));
  const svgNode = svg.node() as SVGSVGElement;
  // Block: no inline baseline gap under the SVG, so the frame's height is the SVG's. Relative: the
  // SVG paints above the absolutely positioned canvas. Inline, so no stylesheet is required.
  svgNode.style.display = "block";
  svgNode.style.position = "relative";
  const cellCanvas: CellCanvas | null = createCellCanvas(frame, uiColor("masked"));
  const readout = doc.createElement("p");
  readout.className = "dw-heatmap-readout";
  readout.id = readoutId;
  element.appendChild(readout);

  let current = data;
  let opts = options;
  let layout: HeatmapLayout | null = null;
  let nodes: HeatmapNodes | null = null;
  let structureKey = "";
  let rowLabels: string[] = [];
  let colLabels: string[] = [];
  /** What each cell shows now, so unchanged attributes are not rewritten. */
  let fills: string[] = [];
  let cellLabels: string[] = [];
  let maskedCells = new Uint8Array(0);
  const texts = createBurstScheduler();
  // The readout is a paragraph in the page's flow: rewriting it every drag frame relays out the
  // widget, SVGs included. Like the cell text it waits for a burst of updates to settle.
  const readoutWrites = createBurstScheduler();
  let highlighted: number | null = null;
  let scoreExtent = 0;
  /** The row outline's box as last written ("null" when hidden). */
  let shownOutline = "";
  let readoutStyle: string | null = null;

  const rowCount = () => current.values.rows;
  const interaction = attachRowInteraction(
    svgNode,
    () => nodes?.rows ?? [],
    (row) => {
      renderHighlight(false);
      opts.onSelectRow?.(row);
    },
    frame,
  );

  const labelsOf = (labels: readonly string[], n: number) =>
    Array.from({ length: n }, (_, i) => labels[i] ?? String(i + 1));

  function render(): void {
    const { values } = current;
    rowLabels = labelsOf(current.rowLabels, values.rows);
    colLabels = labelsOf(current.colLabels, values.cols);
    const digits = opts.digits ?? 2;
    if (svgNode.getAttribute("aria-label") !== current.title) {
      svg.attr("aria-label", current.title).select("title").text(current.title);
    }

    const key = JSON.stringify([rowLabels, colLabels, digits, opts.cellSize ?? null]);
    const reshaped = key !== structureKey || !nodes;
    if (reshaped) {
      structureKey = key;
      layout = heatmapLayout(values.rows, values.cols, rowLabels, colLabels, digits, opts.cellSize);
      nodes = joinHeatmap(svg, rowLabels, colLabels, layout);
      if (cellCanvas) {
        // Cells stay as transparent hit targets (hover titles, pointer rows); colour is the canvas's.
        for (const cell of nodes.cells) cell.setAttribute("fill", "transparent");
        cellCanvas.place(layout, values.rows, values.cols);
      }
      for (const row of nodes.rows) {
        row.setAttribute("aria-label", `row ${rowLabels[Number(row.getAttribute("data-row"))]}`);
        row.setAttribute("aria-describedby", readoutId);
      }
      for (let i = 0; i < nodes.rows.length; i++) {
        // Rows are reused by the join: clear a highlight left on a reused node.
        nodes.rows[i].classList.remove("dw-highlight");
        nodes.rowHeaders[i].removeAttribute("font-weight");
      }
      fills = new Array(nodes.cells.length).fill("");
      cellLabels = new Array(nodes.cells.length).fill("");
      maskedCells = new Uint8Array(nodes.cells.length);
      highlighted = null;
      const tabStop = interaction.current() ?? opts.selectedRow ?? 0;
      interaction.setTabStop(Math.min(Math.max(0, tabStop), values.rows - 1));
    }
    renderFills();
    // New cells need their text now; otherwise text may wait for a burst of updates to settle.
    if (reshaped) {
      texts.cancel();
      renderTexts();
    } else {
      texts.run(renderTexts);
    }
    renderHighlight(!reshaped);
  }

  /**
   * The hot path, every update: colours only. With a canvas, one repaint if any colour changed and
   * no SVG attribute; without one (jsdom), the changed rects' fill attributes.
   */
  function renderFills(): void {
    if (!nodes) return;
    const { rows, cols, data: v } = current.values;
    if (opts.scale === "scores") scoreExtent = stickyExtent(scoreExtent, maxAbsFinite(v));
    const colour = opts.scale === "scores" ? scoreColorScale(opts.scoreExtent ?? scoreExtent) : weightColor;
    const isMasked =
      current.masked ?? ((i: number, j: number) => v[i * cols + j] === Number.NEGATIVE_INFINITY);
    let changed = false;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const k = i * cols + j;
        maskedCells[k] = isMasked(i, j) ? 1 : 0;
        const fill = maskedCells[k]
          ? `url(#${hatchId})`
          : Number.isFinite(v[k])
            ? colour(v[k])
            : uiColors.masked;
        if (fill !== fills[k]) {
          fills[k] = fill;
          changed = true;
          if (!cellCanvas) nodes.cells[k].setAttribute("fill", fill);
        }
      }
    }
    if (changed) cellCanvas?.paint(fills, maskedCells);
  }

  /** "0.42", or "masked" for a cell hidden from attention. */
  function cellText(k: number): string {
    return maskedCells[k] ? "masked" : formatNumber(current.values.data[k], opts.digits ?? 2);
  }

  /** Accessible text of every cell (aria-label and hover <title>), written only where it changed. */
  function renderTexts(): void {
    if (!nodes) return;
    const cols = current.values.cols;
    for (let k = 0; k < nodes.cells.length; k++) {
      const text = cellText(k);
      if (text === cellLabels[k]) continue;
      cellLabels[k] = text;
      const label = `row ${rowLabels[Math.floor(k / cols)]}, column ${colLabels[k % cols]}: ${text}`;
      nodes.cells[k].setAttribute("aria-label", label);
      nodes.titles[k].textContent = label;
    }
  }

  /** `fromUpdate`: called for new data (the readout may wait out a burst), not for hover or focus. */
  function renderHighlight(fromUpdate: boolean): void {
    if (!nodes || !layout) return;
    const n = rowCount();
    const interactive = interaction.current();
    const wanted = interactive ?? opts.selectedRow ?? null;
    const row = wanted !== null && wanted >= 0 && wanted < n ? wanted : null;
    if (row !== highlighted) {
      if (highlighted !== null && nodes.rows[highlighted]) {
        nodes.rows[highlighted].classList.remove("dw-highlight");
        nodes.rowHeaders[highlighted].removeAttribute("font-weight");
        nodes.rowHeaders[highlighted].setAttribute(
          "fill-opacity",
          highlighted % layout.rowLabelStride === 0 ? "1" : "0",
        );
      }
      highlighted = row;
      svg.classed("dw-has-highlight", row !== null);
      if (row !== null) {
        nodes.rows[row].classList.add("dw-highlight");
        nodes.rowHeaders[row].setAttribute("font-weight", "bold");
        nodes.rowHeaders[row].setAttribute("fill-opacity", "1"); // a thinned label shows while highlighted
      }
    }
    const { cell, gridX, gridY, valuesInCells } = layout;
    const cols = current.values.cols;
    const outline = row === null ? null : [gridX - 1, gridY + row * cell - 1, cols * cell + 1, cell + 1];
    const outlineKey = String(outline);
    if (outlineKey !== shownOutline) {
      // Written only when it moves: a drag step leaves the SVG's attributes alone.
      shownOutline = outlineKey;
      const rect = svg.select("rect.dw-row-outline").attr("visibility", outline ? "visible" : "hidden");
      if (outline)
        rect.attr("x", outline[0]).attr("y", outline[1]).attr("width", outline[2]).attr("height", outline[3]);
    }
    const showInCells = row !== null && valuesInCells;
    for (let j = 0; j < nodes.valueTexts.length; j++) {
      const t = nodes.valueTexts[j];
      if (!showInCells || row === null) {
        setTextIfChanged(t, "");
        continue;
      }
      const k = row * cols + j;
      setIfChanged(t, "y", String(gridY + (row + 0.5) * cell));
      setIfChanged(t, "font-size", String(valueFontSize(cell)));
      // Inline style: the stylesheet sets every label to the theme ink, which would beat an attribute.
      const ink = readableTextOn(fills[k]);
      if (t.style.fill !== ink) t.style.fill = ink;
      setTextIfChanged(t, maskedCells[k] ? "" : cellText(k));
    }
    const style = valuesInCells
      ? "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap"
      : "";
    if (style !== readoutStyle) {
      readoutStyle = style; // cssText reads back normalised, so compare with what was set
      readout.style.cssText = style;
    }
    if (fromUpdate) readoutWrites.run(renderReadout);
    else {
      readoutWrites.cancel();
      renderReadout();
    }
  }

  /**
   * The readout names the highlighted row's values for everyone when cells are too small to print
   * them, and stays in the accessibility tree (visually hidden) otherwise, as the rows' description.
   */
  function renderReadout(): void {
    const row = highlighted;
    const { cols } = current.values;
    const readoutText =
      row === null
        ? ""
        : `${current.rowLabels[row] ?? row + 1}: ${Array.from({ length: cols }, (_, j) => `${current.colLabels[j] ?? j + 1} ${cellText(row * cols + j)}`).join(", ")}`;
    setTextIfChanged(readout, readoutText);
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
      readoutWrites.cancel();
      interaction.destroy();
      cellCanvas?.destroy();
      frame.remove();
      readout.remove();
    },
    colours: () => fills.slice(),
  };
}

function setTextIfChanged(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
