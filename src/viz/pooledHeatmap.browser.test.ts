import { afterEach, describe, expect, it } from "vitest";
import { matrix } from "../core/matrix";
import { scoreColorScale, weightColor } from "./palette";
import { drawPooledHeatmap } from "./pooledHeatmap";

/** Real Chromium: the pixels painted on the canvas are the palette's colours of the image's values. */

afterEach(() => {
  document.body.innerHTML = "";
});

/** `rgb(r, g, b)` or `#rrggbb` as numbers, parsed independently of the code under test. */
function rgb(colour: string): number[] {
  const fn = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
  if (fn) return fn.slice(1).map(Number);
  return [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
}

/** RGBA at the centre of image pixel (r, c) in the canvas's backing store. */
function pixel(canvas: HTMLCanvasElement, rows: number, cols: number, r: number, c: number): number[] {
  const x = Math.floor(((c + 0.5) * canvas.width) / cols);
  const y = Math.floor(((r + 0.5) * canvas.height) / rows);
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  return Array.from(context.getImageData(x, y, 1, 1).data);
}

function mount() {
  const el = document.createElement("div");
  el.style.width = "300px";
  document.body.appendChild(el);
  return el;
}

describe("drawPooledHeatmap in Chromium", () => {
  it("paints every pixel in the weight colour of its value, crisp at an integer scale", () => {
    const rows = 6;
    const cols = 5;
    const image = matrix(rows, cols);
    for (let k = 0; k < image.data.length; k++) image.data[k] = k / (image.data.length - 1);
    const edges = (count: number) => Array.from({ length: count + 1 }, (_, i) => i * 2);
    const el = mount();
    drawPooledHeatmap(el, {
      image: { image, rowEdges: edges(rows), colEdges: edges(cols).map((e) => Math.min(e, 10)) },
      n: 12,
      view: { rowStart: 0, colStart: 0, rows: 12, cols: 10, maxPixels: 6, pooling: "mean" },
      scale: "weights",
      title: "weights",
    });
    const canvas = el.querySelector("canvas") as HTMLCanvasElement;
    expect(canvas.width % cols).toBe(0);
    expect(canvas.height % rows).toBe(0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [pr, pg, pb, pa] = pixel(canvas, rows, cols, r, c);
        const [er, eg, eb] = rgb(weightColor(image.data[r * cols + c]));
        expect(pa, `alpha of (${r}, ${c})`).toBe(255);
        const off = Math.max(Math.abs(pr - er), Math.abs(pg - eg), Math.abs(pb - eb));
        expect(off, `pixel (${r}, ${c}) is rgb(${pr}, ${pg}, ${pb})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("paints scores in BrBG and masked pixels grey and white, never a score colour", () => {
    const image = matrix(2, 2, [1.5, Number.NEGATIVE_INFINITY, -0.5, 0]);
    const el = mount();
    drawPooledHeatmap(el, {
      image: { image, rowEdges: [0, 1, 2], colEdges: [0, 1, 2] },
      n: 2,
      view: { rowStart: 0, colStart: 0, rows: 2, cols: 2, maxPixels: 2, pooling: "max" },
      scale: "scores",
      scoreRange: [-0.5, 2],
      title: "scores",
    });
    const canvas = el.querySelector("canvas") as HTMLCanvasElement;
    const brbg = scoreColorScale(2);
    for (const [r, c] of [
      [0, 0],
      [1, 0],
      [1, 1],
    ]) {
      const [pr, pg, pb] = pixel(canvas, 2, 2, r, c);
      const [er, eg, eb] = rgb(brbg(image.data[r * 2 + c]));
      expect(Math.max(Math.abs(pr - er), Math.abs(pg - eg), Math.abs(pb - eb))).toBeLessThanOrEqual(1);
    }
    // The masked pixel is the hatch: grey #BDBDBD base and white stripes, all opaque and neutral.
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    const half = canvas.width / 2;
    const block = context.getImageData(half, 0, half, canvas.height / 2).data;
    const seen = new Set<string>();
    for (let k = 0; k < block.length; k += 4) {
      expect(block[k + 3]).toBe(255);
      expect(
        Math.max(block[k], block[k + 1], block[k + 2]) - Math.min(block[k], block[k + 1], block[k + 2]),
      ).toBeLessThanOrEqual(2);
      seen.add(block[k] > 230 ? "white" : block[k] > 170 ? "grey" : "other");
    }
    expect(seen.has("grey") && seen.has("white")).toBe(true);
  });
});
