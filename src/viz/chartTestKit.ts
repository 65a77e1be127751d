import type { ChartData, ChartSeries } from "./chartTypes";

/* Shared data and DOM helpers for the chart's jsdom tests. */

// Default layout: viewBox 480 × 300, plot x 56..464, y 258..18. With x ∈ [0, 10], y ∈ [0, 1]:
export const px = (x: number) => 56 + (x / 10) * 408;
export const py = (y: number) => 258 - y * 240;
// The SVG is mocked to sit at (10, 20) at 1:1 scale.
export const client = (x: number, y: number) => ({ clientX: 10 + px(x), clientY: 20 + py(y) });

export const loss: ChartSeries = {
  id: "loss",
  label: "training loss",
  colour: "query",
  kind: "line",
  points: [
    [0, 0.9],
    [1, 0.7],
    [2, Number.NaN],
    [3, 0.4],
    [4, 0.3],
  ],
};
export const base: ChartData = {
  title: "Loss against examples",
  x: { label: "examples N", domain: [0, 10], integer: true },
  y: { label: "loss", domain: [0, 1] },
  series: [loss],
  handles: [{ id: "n", label: "context size N", x: 3, y: 0.5, colour: "key" }],
  markers: [{ x: 8, label: "N = d" }],
};

export function mount(): HTMLElement {
  const el = document.createElement("div");
  document.body.appendChild(el);
  return el;
}
export function placeSvg(el: HTMLElement): void {
  const svg = el.querySelector("svg") as SVGSVGElement;
  svg.getBoundingClientRect = () =>
    ({ left: 10, top: 20, width: 480, height: 300, right: 490, bottom: 320, x: 10, y: 20 }) as DOMRect;
}
export const handle = (el: HTMLElement, i = 0) =>
  el.querySelector(`.dw-chart-handle[data-index="${i}"]`) as SVGGElement;
/** Where a handle is drawn, in viewBox px, read back from its transform. */
export const drawnAt = (node: Element) =>
  (node.getAttribute("transform")?.match(/-?[\d.]+/g) ?? []).map(Number);
export const subpaths = (d: string | null) => (d ?? "").match(/M/g)?.length ?? 0;
export const pointer = (type: string, at: { clientX: number; clientY: number }) =>
  new PointerEvent(type, { ...at, pointerId: 5, pointerType: "touch", bubbles: true, cancelable: true });
export const key = (k: string, shiftKey = false) =>
  new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true, cancelable: true });
export const texts = (el: HTMLElement, selector: string) =>
  Array.from(el.querySelectorAll(selector), (node) => node.textContent);
