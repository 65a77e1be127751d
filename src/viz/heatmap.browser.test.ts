import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { fromRows, type Matrix, matrix } from "../core/matrix";
import { drawHeatmap, type HeatmapData } from "./heatmap";
import { weightColor } from "./palette";

/** Real Chromium: the cell colours are on a canvas under the SVG; the rects are hit targets. */

const tokens = ["the", "cat", "sat"];
const data = (values: Matrix, masked?: HeatmapData["masked"]): HeatmapData => ({
  values,
  rowLabels: Array.from({ length: values.rows }, (_, i) => tokens[i] ?? `t${i}`),
  colLabels: Array.from({ length: values.cols }, (_, j) => tokens[j] ?? `t${j}`),
  title: "Attention weights",
  masked,
});
const weights = fromRows([
  [1, 0, 0],
  [0.25, 0.75, 0],
  [0.1, 0.3, 0.6],
]);
const causal = (i: number, j: number) => j > i;

function mount(width: string, scaleSvg: boolean): HTMLElement {
  const el = document.createElement("div");
  el.style.width = width;
  // What the explorer's panels do (attentionExplorer.css): scale the SVG to the container.
  if (scaleSvg) el.innerHTML = "<style>.scaled svg { width: 100%; height: auto; }</style>";
  if (scaleSvg) el.className = "scaled";
  document.body.appendChild(el);
  return el;
}
afterEach(() => {
  document.body.innerHTML = "";
});

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Two frames: the ResizeObserver has resized the backing store and the canvas has repainted. */
const settle = async () => {
  await nextFrame();
  await nextFrame();
};
const cellAt = (el: HTMLElement, i: number, j: number) =>
  el.querySelector(`rect[data-row="${i}"][data-col="${j}"]`) as SVGRectElement;
const canvasOf = (el: HTMLElement) => el.querySelector("canvas") as HTMLCanvasElement;

/** `rgb(r, g, b)` or `#rrggbb` as numbers, parsed independently of the code under test. */
function rgb(colour: string): number[] {
  const fn = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
  if (fn) return fn.slice(1).map(Number);
  return [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
}

/** RGBA of the canvas pixel under client point (x, y), mapping CSS px to backing-store px. */
function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const box = canvas.getBoundingClientRect();
  const px = Math.floor(((x - box.left) * canvas.width) / box.width);
  const py = Math.floor(((y - box.top) * canvas.height) / box.height);
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  return Array.from(context.getImageData(px, py, 1, 1).data);
}
const centreOf = (rect: SVGRectElement) => {
  const b = rect.getBoundingClientRect();
  return [b.left + b.width / 2, b.top + b.height / 2] as const;
};

function expectCellColour(el: HTMLElement, i: number, j: number, colour: string): void {
  const [r, g, b, a] = pixelAt(canvasOf(el), ...centreOf(cellAt(el, i, j)));
  const [er, eg, eb] = rgb(colour);
  const off = Math.max(Math.abs(r - er), Math.abs(g - eg), Math.abs(b - eb));
  expect(a, `alpha of cell (${i}, ${j})`).toBe(255);
  expect(off, `cell (${i}, ${j}) is rgb(${r}, ${g}, ${b}), expected ${colour}`).toBeLessThanOrEqual(2);
}

/** Each SVG cell rect starts where its cell starts on the canvas (±1 CSS px). */
function expectAligned(el: HTMLElement, n: number): void {
  const canvas = canvasOf(el);
  const box = canvas.getBoundingClientRect();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const cell = cellAt(el, i, j).getBoundingClientRect();
      expect(
        Math.abs(cell.left - (box.left + (j * box.width) / n)),
        `left of (${i}, ${j})`,
      ).toBeLessThanOrEqual(1);
      expect(
        Math.abs(cell.top - (box.top + (i * box.height) / n)),
        `top of (${i}, ${j})`,
      ).toBeLessThanOrEqual(1);
    }
  }
  // The backing store follows the displayed size, so cells stay sharp at any scale.
  expect(Math.abs(canvas.width - box.width * devicePixelRatio)).toBeLessThanOrEqual(1);
  expect(Math.abs(canvas.height - box.height * devicePixelRatio)).toBeLessThanOrEqual(1);
}

/** Every attribute of every cell rect, e.g. "fill=transparent|x=40|…", minus its aria-label. */
const cellAttributes = (el: HTMLElement) =>
  Array.from(el.querySelectorAll("rect.dw-cell")).map((rect) =>
    Array.from(rect.attributes)
      .filter((a) => a.name !== "aria-label")
      .map((a) => `${a.name}=${a.value}`)
      .join("|"),
  );

describe("drawHeatmap on a canvas (Chromium)", () => {
  it("paints each cell's colour at its centre, hatches masked cells and leaves gaps clear", async () => {
    const el = mount("600px", false);
    const heatmap = drawHeatmap(el, data(weights, causal), { scale: "weights", cellSize: 48 });
    await settle();
    expectCellColour(el, 0, 0, weightColor(1));
    expectCellColour(el, 1, 0, weightColor(0.25));
    expectCellColour(el, 1, 1, weightColor(0.75));
    expectCellColour(el, 2, 2, weightColor(0.6));
    expect(cellAt(el, 1, 1).getAttribute("fill")).toBe("transparent");
    expect(heatmap.colours?.()[4]).toBe(weightColor(0.75));
    expect(heatmap.colours?.()[2]).toMatch(/^url\(#dw-hatch-/);

    // Masked (0, 2): grey stripes (#BDBDBD and white), not a weight colour.
    const box = cellAt(el, 0, 2).getBoundingClientRect();
    const samples: number[][] = [];
    for (let dy = 4; dy < box.height - 4; dy += 1.5)
      samples.push(pixelAt(canvasOf(el), box.left + box.width / 2 + dy / 3, box.top + dy));
    for (const [r, g, b, a] of samples) {
      expect(a).toBe(255);
      expect(Math.max(Math.abs(r - g), Math.abs(g - b))).toBeLessThanOrEqual(2);
      expect(r).toBeGreaterThanOrEqual(0xbd - 2);
    }
    const reds = samples.map(([r]) => r);
    expect(Math.min(...reds)).toBeLessThanOrEqual(0xbd + 2);
    expect(Math.max(...reds)).toBeGreaterThanOrEqual(0xbd + 20);

    // 48 px cells have a 1 px gap on their right: transparent, like the SVG's.
    const right = cellAt(el, 1, 0).getBoundingClientRect();
    expect(pixelAt(canvasOf(el), right.right + 0.5, right.top + right.height / 2)[3]).toBe(0);
  });

  it("resolves the theme's masked colour for the hatch (var() and light-dark())", async () => {
    const el = mount("600px", false);
    el.style.cssText += ";color-scheme:dark;--dw-masked:light-dark(#bdbdbd, #555555)";
    drawHeatmap(el, data(weights, causal), { scale: "weights", cellSize: 48 });
    await settle();
    const box = cellAt(el, 0, 1).getBoundingClientRect();
    const reds: number[] = [];
    for (let d = 4; d < box.width - 4; d += 1.5)
      reds.push(pixelAt(canvasOf(el), box.left + d, box.top + d / 2)[0]);
    expect(Math.abs(Math.min(...reds) - 0x55)).toBeLessThanOrEqual(2);
  });

  it("repaints new values on update without changing any cell rect attribute but its label", async () => {
    const el = mount("600px", false);
    const heatmap = drawHeatmap(el, data(weights), { scale: "weights", cellSize: 48 });
    await settle();
    const before = cellAttributes(el);
    const observer = new MutationObserver(() => {});
    observer.observe(el.querySelector("svg") as SVGSVGElement, { attributes: true, subtree: true });
    heatmap.update(
      data(
        fromRows([
          [0, 1, 0],
          [0.5, 0.5, 0],
          [0.2, 0.2, 0.6],
        ]),
      ),
    );
    const mutations = observer.takeRecords();
    observer.disconnect();
    const changes = mutations.map((r) => `${r.type}:${r.target.nodeName}.${r.attributeName ?? ""}`);
    await settle();
    expectCellColour(el, 0, 0, weightColor(0));
    expectCellColour(el, 0, 1, weightColor(1));
    expectCellColour(el, 1, 0, weightColor(0.5));
    expectCellColour(el, 2, 2, weightColor(0.6));
    expect(cellAttributes(el)).toEqual(before);
    // The only attribute writes: the accessible text of the cells whose number changed.
    expect(new Set(changes)).toEqual(new Set(["attributes:rect.aria-label"]));
    expect(cellAt(el, 0, 1).getAttribute("aria-label")).toBe("row the, column cat: 1.00");
  });

  for (const [name, width, scaled] of [
    ["scaled down by CSS", "160px", true],
    ["scaled up by CSS", "700px", true],
    ["at its natural size", "700px", false],
  ] as const) {
    it(`aligns the canvas cells with the SVG cells ${name}`, async () => {
      const el = mount(width, scaled);
      const n = 8;
      const values = matrix(n, n);
      for (let k = 0; k < n * n; k++) values.data[k] = ((k * 7) % 11) / 10;
      drawHeatmap(el, data(values), { scale: "weights", cellSize: 30 });
      await settle();
      const svgBox = (el.querySelector("svg") as SVGSVGElement).getBoundingClientRect();
      const natural = Number(el.querySelector("svg")?.getAttribute("width"));
      if (scaled) expect(svgBox.width).toBeCloseTo(Number.parseFloat(width), 0);
      else expect(svgBox.width).toBeCloseTo(natural, 0);

      expectAligned(el, n);
      expectCellColour(el, 3, 5, weightColor(values.data[3 * n + 5]));
      expectCellColour(el, 7, 0, weightColor(values.data[7 * n]));
    });
  }

  it("re-places the canvas when the shape changes inside a CSS-scaled container", async () => {
    const el = mount("160px", true);
    const heatmap = drawHeatmap(el, data(weights), { scale: "weights" });
    await settle();
    expectAligned(el, 3);
    const values = matrix(6, 6);
    for (let k = 0; k < 36; k++) values.data[k] = k / 35;
    heatmap.update(data(values));
    await settle();
    expectAligned(el, 6);
    expectCellColour(el, 4, 1, weightColor(25 / 35));
    expectCellColour(el, 5, 5, weightColor(1));
  });

  it("puts the first row, not the SVG, first in the tab order, and reports it on focus", async () => {
    const el = mount("300px", false);
    const rows: (number | null)[] = [];
    drawHeatmap(el, data(weights), { scale: "weights", onSelectRow: (row) => rows.push(row) });
    await userEvent.tab();
    expect(document.activeElement).toBe(el.querySelector('[role="row"][data-row="0"]'));
    expect(rows).toEqual([0]);
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(el.querySelector('[role="row"][data-row="1"]'));
    expect(rows).toEqual([0, 1]);
  });
});
