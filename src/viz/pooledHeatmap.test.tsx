import { afterEach, describe, expect, it, vi } from "vitest";
import { fromRows } from "../core/matrix";
import type { MatrixView } from "../core/pooledAttention";
import { scoreColorScale, weightColor } from "./palette";
import { drawPooledHeatmap, formatPooled, type PooledHeatmapData } from "./pooledHeatmap";
import { fullView, viewFromRect, zoomAround } from "./pooledHeatmapZoom";

/** n = 10 pooled to 4 pixels a side: blocks of 3 entries, the last pixel covering entry 9 alone. */
const N = 10;
const view: MatrixView = { ...fullView(N), maxPixels: 4, pooling: "max" };
const edges = [0, 3, 6, 9, 10];
const weights = fromRows([
  [0.9, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
  [0.5, 0.4, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
  [0.2, 0.3, 0.25, Number.NEGATIVE_INFINITY],
  [0.1, 0.1, 0.3, 0.5],
]);
const data = (over: Partial<PooledHeatmapData> = {}): PooledHeatmapData => ({
  image: { image: weights, rowEdges: edges, colEdges: edges },
  n: N,
  view,
  scale: "weights",
  title: "Attention weights",
  ...over,
});

function mount(d = data()) {
  const el = document.createElement("div");
  document.body.appendChild(el);
  const onHover = vi.fn();
  const onZoom = vi.fn();
  const figure = drawPooledHeatmap(el, d, { onHover, onZoom });
  const frame = el.querySelector(".dw-pooled-frame") as HTMLElement;
  // jsdom has no layout: a 100 × 100 px box at the origin, so client px are percent.
  frame.getBoundingClientRect = () => ({ left: 0, top: 0, width: 100, height: 100 }) as DOMRect;
  return { el, frame, figure, onHover, onZoom };
}
afterEach(() => {
  document.body.innerHTML = "";
});

const pointer = (type: string, clientX: number, clientY: number) =>
  new PointerEvent(type, { clientX, clientY, pointerId: 2, button: 0, bubbles: true, cancelable: true });
const key = (frame: HTMLElement, k: string, shiftKey = false) =>
  frame.dispatchEvent(new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true, cancelable: true }));
const text = (el: HTMLElement, selector: string) => el.querySelector(selector)?.textContent ?? "";

describe("drawPooledHeatmap (jsdom: structure, readout, keys, zoom)", () => {
  it("is a focusable, named figure whose summary says the view, the pooling and n", () => {
    const { el, frame } = mount();
    expect(frame.tabIndex).toBe(0);
    expect(frame.getAttribute("aria-label")).toBe("Attention weights");
    expect(frame.getAttribute("aria-roledescription")).toBe("zoomable heatmap");
    const summary = text(el, ".dw-pooled-summary");
    expect(summary).toContain("10 × 10 matrix");
    expect(summary).toContain("4 × 4 pixels");
    expect(summary).toContain("max of up to 3 × 3 entries");
    expect(frame.getAttribute("aria-describedby")).toContain(el.querySelector(".dw-pooled-summary")?.id);
    expect(text(el, ".dw-pooled-axis-x")).toBe("keys j = 0 … 9");
    expect(text(el, ".dw-pooled-axis-y")).toBe("queries i = 0 … 9");
  });

  it("colours each pixel with cividis from its value, masked pixels hatched", () => {
    const { figure } = mount();
    const colours = figure.colours();
    expect(colours).toHaveLength(16);
    expect(colours[0]).toBe(weightColor(0.9));
    expect(colours[5]).toBe(weightColor(0.4));
    expect(colours[15]).toBe(weightColor(0.5));
    expect(colours[1]).toBe("masked");
    expect(colours[0]).not.toBe(colours[12]);
  });

  it("colours scores with BrBG over a symmetric extent from the whole matrix's range", () => {
    const scores = fromRows([
      [2, -1],
      [0, Number.NEGATIVE_INFINITY],
    ]);
    const { figure } = mount(
      data({
        image: { image: scores, rowEdges: [0, 5, 10], colEdges: [0, 5, 10] },
        view: { ...view, maxPixels: 2 },
        scale: "scores",
        scoreRange: [-4, 3],
      }),
    );
    const brbg = scoreColorScale(4);
    expect(figure.colours()).toEqual([brbg(2), brbg(-1), brbg(0), "masked"]);
  });

  it("reads out the entry under the pointer through the pixel edges, and clears on leave", () => {
    const { el, frame, onHover } = mount();
    frame.dispatchEvent(pointer("pointermove", 75, 15));
    // x 0.75 → key 7 (pixel 2, keys 6–8); y 0.15 → query 1 (pixel 0, queries 0–2).
    expect(onHover).toHaveBeenLastCalledWith(
      expect.objectContaining({ row: 1, col: 7, pixelRow: 0, pixelCol: 2, rows: [0, 2], cols: [6, 8] }),
    );
    expect(text(el, ".dw-pooled-readout")).toBe(
      "Query i = 1, key j = 7: masked (max of queries 0–2 × keys 6–8)",
    );
    frame.dispatchEvent(pointer("pointermove", 95, 95));
    expect(text(el, ".dw-pooled-readout")).toBe("Query i = 9, key j = 9: 0.500");
    frame.dispatchEvent(new PointerEvent("pointerleave"));
    expect(onHover).toHaveBeenLastCalledWith(null);
    expect(text(el, ".dw-pooled-readout")).toBe("");
  });

  it("moves a cell cursor with the arrow keys, one pixel a step, and zooms around it with + and −", () => {
    const { el, frame, onHover, onZoom } = mount();
    frame.focus();
    expect(onHover).toHaveBeenLastCalledWith(expect.objectContaining({ row: 0, col: 0 }));
    key(frame, "ArrowRight");
    key(frame, "ArrowDown");
    expect(onHover).toHaveBeenLastCalledWith(expect.objectContaining({ row: 3, col: 3, value: 0.4 }));
    expect(el.querySelector<HTMLElement>(".dw-pooled-cursor")?.hidden).toBe(false);
    key(frame, "ArrowDown", true); // Shift: 8 pixels, stopped at the last one
    expect(onHover).toHaveBeenLastCalledWith(expect.objectContaining({ row: 9, col: 3 }));
    key(frame, "+");
    const closer = zoomAround(fullView(N), N, 9, 3, 0.5);
    expect(onZoom).toHaveBeenLastCalledWith(closer);
    // A second step starts from the zoom asked for, even before its picture arrives.
    key(frame, "+");
    expect(onZoom).toHaveBeenLastCalledWith(zoomAround(closer, N, 9, 3, 0.5));
    key(frame, "0");
    expect(onZoom).toHaveBeenLastCalledWith(fullView(N));
    const calls = onZoom.mock.calls.length;
    key(frame, "-"); // already the whole matrix: nothing to ask for
    expect(onZoom.mock.calls.length).toBe(calls);
  });

  it("zooms into a brushed rectangle, and the buttons zoom out and reset", () => {
    const { el, frame, figure, onZoom } = mount();
    const buttons = el.querySelectorAll<HTMLButtonElement>(".dw-pooled-button");
    const [zoomIn, zoomOut, reset] = Array.from(buttons);
    expect([zoomIn.textContent, zoomOut.textContent, reset.textContent]).toEqual([
      "Zoom in",
      "Zoom out",
      "Reset zoom",
    ]);
    expect(zoomOut.disabled && reset.disabled).toBe(true);
    frame.dispatchEvent(pointer("pointerdown", 10, 20));
    frame.dispatchEvent(pointer("pointermove", 45, 62));
    const brush = el.querySelector<HTMLElement>(".dw-pooled-brush");
    expect(brush?.hidden).toBe(false);
    expect(brush?.style.width).toBe("35%");
    frame.dispatchEvent(pointer("pointerup", 45, 62));
    expect(brush?.hidden).toBe(true);
    const brushed = viewFromRect(fullView(N), N, [0.1, 0.2], [0.45, 0.62]);
    expect(onZoom).toHaveBeenLastCalledWith(brushed);
    // A click (no drag) zooms nowhere.
    frame.dispatchEvent(pointer("pointerdown", 50, 50));
    frame.dispatchEvent(pointer("pointerup", 51, 51));
    expect(onZoom).toHaveBeenCalledTimes(1);
    // The picture for the zoomed view lands: axes and summary follow, the buttons wake up.
    figure.update(data({ view: { ...view, ...brushed } }));
    expect(text(el, ".dw-pooled-axis-y")).toBe(
      `queries i = ${brushed.rowStart} … ${brushed.rowStart + brushed.rows - 1}`,
    );
    expect(zoomOut.disabled).toBe(false);
    reset.click();
    expect(onZoom).toHaveBeenLastCalledWith(fullView(N));
  });

  it("formats tiny weights so they do not print as zero", () => {
    expect(formatPooled(0.00024)).toBe("2.40e−4");
    expect(formatPooled(-1.5)).toBe("−1.500");
    expect(formatPooled(0)).toBe("0.000");
    expect(formatPooled(Number.NEGATIVE_INFINITY)).toBe("masked");
  });
});
