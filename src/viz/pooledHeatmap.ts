import type { MatrixView, PooledImage } from "../core/pooledAttention";
import { activeElementOf } from "./activeElement";
import { attachPooledInput } from "./pooledHeatmapInput";
import { colourTables, colourText, paintPixels, pixelColours } from "./pooledHeatmapPaint";
import { createPooledSkeleton } from "./pooledHeatmapStructure";
import {
  clampView,
  entryAt,
  fullView,
  isFullView,
  pixelOf,
  sameView,
  viewFromRect,
  type ZoomView,
  zoomAround,
} from "./pooledHeatmapZoom";

export type { ZoomView } from "./pooledHeatmapZoom";

export interface PooledHeatmapData {
  /** The pooled block of the n × n matrix, as the engine computed it for `view`. */
  image: PooledImage;
  n: number;
  /** The view `image` was computed for (its pooling names what a pixel summarises). */
  view: MatrixView;
  /** "weights": cividis on [0, 1]; "scores": BrBG on ±max(|scoreRange|). */
  scale: "weights" | "scores";
  /** Min and max finite score of the whole matrix: a colour scale that zooming does not change. */
  scoreRange?: readonly [number, number];
  /** Names the figure, e.g. "Attention weights softmax(QKᵀ/√d)". */
  title: string;
}

/** The entry under the pointer or keyboard cursor, and the pixel that draws it. */
export interface PooledCell {
  row: number;
  col: number;
  pixelRow: number;
  pixelCol: number;
  /** The pixel's pooled value (−Infinity where every entry it covers is masked). */
  value: number;
  /** First and last entry the pixel covers, per axis. */
  rows: readonly [number, number];
  cols: readonly [number, number];
}

export interface PooledHeatmapOptions {
  onHover?(cell: PooledCell | null): void;
  /** The reader asked for another block (brush, keys, buttons); the caller recomputes and updates. */
  onZoom?(view: ZoomView): void;
}

export interface PooledHeatmapHandle {
  update(data: PooledHeatmapData, options?: Partial<PooledHeatmapOptions>): void;
  destroy(): void;
  /** Each pixel's colour, row-major: `rgb(r, g, b)`, or "masked" (hatched). For tests and export. */
  colours(): string[];
}

/** 0.013, 2.4e-4, −3.10, "masked". */
export function formatPooled(v: number): string {
  if (v === Number.NEGATIVE_INFINITY) return "masked";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const text = a !== 0 && a < 0.01 ? v.toExponential(2) : v.toFixed(3);
  return text.replaceAll("-", "−");
}

const range = (first: number, last: number) => (first === last ? `${first}` : `${first}–${last}`);

/**
 * Draws a pooled block of an n × n matrix on a canvas, one image pixel per pooled cell scaled up
 * crisply, with the token ranges on both axes, a hover readout and zoom (brush, keys, buttons).
 * The wrapper is focusable: arrow keys move a cell cursor, + / − zoom around it, 0 resets.
 */
export function drawPooledHeatmap(
  element: HTMLElement,
  data: PooledHeatmapData,
  options: PooledHeatmapOptions = {},
): PooledHeatmapHandle {
  const doc = element.ownerDocument;
  const { root, xAxis, yAxis, frame, canvas, cursorBox, brush, summary, readout, button } =
    createPooledSkeleton(element);

  // jsdom has no 2-D canvas (and logs on every getContext): paint only where layout exists.
  const view = doc.defaultView;
  const context = view && typeof view.ResizeObserver === "function" ? canvas.getContext("2d") : null;
  const tables = colourTables();
  let current = data;
  let opts = options;
  let colours: Int32Array = new Int32Array(0);
  /** A zoom asked for but not drawn yet: the next zoom step starts from it. */
  let pending: ZoomView | null = null;
  let cursor: { row: number; col: number } | null = null;

  const zoomIn = button("Zoom in", () => zoomBy(0.5));
  const zoomOut = button("Zoom out", () => zoomBy(2));
  const reset = button("Reset zoom", () => requestZoom(fullView(current.n)));

  const target = (): ZoomView => pending ?? current.view;

  function requestZoom(next: ZoomView): void {
    const valid = clampView(next, current.n);
    if (sameView(valid, target())) return;
    pending = sameView(valid, current.view) ? null : valid;
    renderControls();
    opts.onZoom?.(valid);
  }

  function zoomBy(factor: number): void {
    const v = target();
    const at = cursor ?? { row: v.rowStart + (v.rows >> 1), col: v.colStart + (v.cols >> 1) };
    requestZoom(zoomAround(v, current.n, at.row, at.col, factor));
  }

  function cellAt(row: number, col: number): PooledCell {
    const { image, rowEdges, colEdges } = current.image;
    const pixelRow = pixelOf(rowEdges, row);
    const pixelCol = pixelOf(colEdges, col);
    return {
      row,
      col,
      pixelRow,
      pixelCol,
      value: image.data[pixelRow * image.cols + pixelCol],
      rows: [rowEdges[pixelRow], rowEdges[pixelRow + 1] - 1],
      cols: [colEdges[pixelCol], colEdges[pixelCol + 1] - 1],
    };
  }

  /** The entry the readout names, so a new image (mid-drag) rewrites its value. */
  let shown: { row: number; col: number } | null = null;

  function showCell(cell: PooledCell | null, notify = true): void {
    shown = cell ? { row: cell.row, col: cell.col } : null;
    if (!cell) {
      readout.textContent = "";
      if (notify) opts.onHover?.(null);
      return;
    }
    const block =
      cell.rows[0] === cell.rows[1] && cell.cols[0] === cell.cols[1]
        ? ""
        : ` (${current.view.pooling} of queries ${range(...cell.rows)} × keys ${range(...cell.cols)})`;
    readout.textContent = `Query i = ${cell.row}, key j = ${cell.col}: ${formatPooled(cell.value)}${block}`;
    if (notify) opts.onHover?.(cell);
  }

  function placeCursor(): void {
    const { image, rowEdges, colEdges } = current.image;
    if (!cursor || activeElementOf(frame) !== frame) {
      cursorBox.hidden = true;
      return;
    }
    const r = pixelOf(rowEdges, cursor.row);
    const c = pixelOf(colEdges, cursor.col);
    cursorBox.hidden = false;
    cursorBox.style.left = `${(100 * c) / image.cols}%`;
    cursorBox.style.top = `${(100 * r) / image.rows}%`;
    cursorBox.style.width = `${100 / image.cols}%`;
    cursorBox.style.height = `${100 / image.rows}%`;
  }

  const input = attachPooledInput(frame, brush, {
    hover(at) {
      showCell(at ? cellAtFraction(at) : null);
    },
    brushed(from, to) {
      requestZoom(viewFromRect(current.view, current.n, from, to));
    },
    moveCursor(dRow, dCol) {
      const { rowEdges, colEdges } = current.image;
      const v = current.view;
      const at = cursor ?? { row: v.rowStart, col: v.colStart };
      // One step is one pixel: to the first entry of the neighbouring block.
      const step = (edges: readonly number[], index: number, d: number) =>
        edges[Math.min(edges.length - 2, Math.max(0, pixelOf(edges, index) + d))];
      cursor = { row: step(rowEdges, at.row, dRow), col: step(colEdges, at.col, dCol) };
      placeCursor();
      showCell(cellAt(cursor.row, cursor.col));
    },
    zoomIn: () => zoomBy(0.5),
    zoomOut: () => zoomBy(2),
    reset: () => requestZoom(fullView(current.n)),
    clear: () => showCell(null),
  });
  const onFocus = () => {
    const v = current.view;
    cursor ??= { row: v.rowStart, col: v.colStart };
    placeCursor();
    showCell(cellAt(cursor.row, cursor.col));
  };
  const onBlur = () => placeCursor();
  frame.addEventListener("focus", onFocus);
  frame.addEventListener("blur", onBlur);

  function cellAtFraction(at: readonly [number, number]): PooledCell {
    const { row, col } = entryAt(current.view, at[0], at[1]);
    return cellAt(row, col);
  }

  function renderControls(): void {
    const full = isFullView(target(), current.n);
    zoomOut.disabled = full;
    reset.disabled = full;
    const v = target();
    zoomIn.disabled = v.rows <= 4 && v.cols <= 4;
  }

  function render(): void {
    const { image, n, view: v, scale, title } = current;
    if (pending && sameView(pending, v)) pending = null;
    frame.setAttribute("aria-label", title);
    const lastRow = v.rowStart + v.rows - 1;
    const lastCol = v.colStart + v.cols - 1;
    xAxis.textContent = `keys j = ${v.colStart} … ${lastCol}`;
    yAxis.textContent = `queries i = ${v.rowStart} … ${lastRow}`;
    const blockRows = Math.ceil(v.rows / image.image.rows);
    const blockCols = Math.ceil(v.cols / image.image.cols);
    const each =
      blockRows === 1 && blockCols === 1
        ? "each pixel is one entry"
        : `each pixel is the ${v.pooling} of up to ${blockRows} × ${blockCols} entries`;
    summary.textContent =
      `${title}: queries i = ${v.rowStart}…${lastRow}, keys j = ${v.colStart}…${lastCol} of the ` +
      `${n} × ${n} matrix, drawn as ${image.image.rows} × ${image.image.cols} pixels; ${each}.`;
    const [lo, hi] = current.scoreRange ?? [0, 0];
    const extent = Math.max(Math.abs(lo), Math.abs(hi));
    colours = pixelColours(image.image, scale, extent, tables);
    if (context) {
      const masked = view?.getComputedStyle(frame).color || "#BDBDBD";
      paintPixels(canvas, context, colours, image.image.rows, image.image.cols, masked);
    }
    if (cursor) {
      cursor = {
        row: Math.min(lastRow, Math.max(v.rowStart, cursor.row)),
        col: Math.min(lastCol, Math.max(v.colStart, cursor.col)),
      };
    }
    placeCursor();
    renderControls();
    const inView = (s: { row: number; col: number }) =>
      s.row >= v.rowStart && s.row <= lastRow && s.col >= v.colStart && s.col <= lastCol;
    if (shown) showCell(inView(shown) ? cellAt(shown.row, shown.col) : null, !inView(shown));
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
      frame.removeEventListener("focus", onFocus);
      frame.removeEventListener("blur", onBlur);
      root.remove();
    },
    colours: () => Array.from(colours, colourText),
  };
}
