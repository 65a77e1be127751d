import type { Matrix } from "../core/matrix";
import { COLOUR_LEVELS, scoreColorScale, weightColor } from "./palette";

/** `rgb(r, g, b)` or `#rrggbb` → 0xRRGGBB (mid grey if neither). */
export function rgbOf(colour: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) return Number.parseInt(hex[1], 16);
  const fn = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(colour);
  return fn ? (Number(fn[1]) << 16) | (Number(fn[2]) << 8) | Number(fn[3]) : 0x808080;
}

/**
 * The palette's colours at its COLOUR_LEVELS + 1 quantised steps, as 0xRRGGBB. weightColor and
 * scoreColorScale quantise to the same steps, so a table lookup gives exactly their colour without
 * building 65,536 colour strings per paint.
 */
export interface ColourTables {
  weights: Int32Array;
  scores: Int32Array;
}

export function colourTables(): ColourTables {
  const weights = new Int32Array(COLOUR_LEVELS + 1);
  const scores = new Int32Array(COLOUR_LEVELS + 1);
  const brbg = scoreColorScale(1);
  for (let k = 0; k <= COLOUR_LEVELS; k++) {
    const t = k / COLOUR_LEVELS;
    weights[k] = rgbOf(weightColor(t));
    scores[k] = rgbOf(brbg(2 * t - 1));
  }
  return { weights, scores };
}

/** Marks a masked pixel (−Infinity) in a colour array. */
export const MASKED = -1;

/**
 * Each pixel's colour, 0xRRGGBB or MASKED, row-major: weights on [0, 1] (cividis), scores on
 * [−extent, extent] (BrBG). Any non-finite value is MASKED (−Infinity is a masked score).
 */
export function pixelColours(
  image: Matrix,
  scale: "weights" | "scores",
  extent: number,
  tables: ColourTables,
): Int32Array {
  const out = new Int32Array(image.data.length);
  const e = Number.isFinite(extent) && extent > 0 ? extent : 1;
  const table = scale === "weights" ? tables.weights : tables.scores;
  for (let k = 0; k < image.data.length; k++) {
    const v = image.data[k];
    if (!Number.isFinite(v)) {
      out[k] = MASKED;
      continue;
    }
    const t = scale === "weights" ? v : (v / e + 1) / 2;
    out[k] = table[Math.round(Math.min(1, Math.max(0, t)) * COLOUR_LEVELS)];
  }
  return out;
}

/** `rgb(r, g, b)` of a colour from pixelColours, or "masked". */
export function colourText(rgb: number): string {
  return rgb === MASKED ? "masked" : `rgb(${(rgb >> 16) & 255}, ${(rgb >> 8) & 255}, ${rgb & 255})`;
}

/** Backing-store px per pixel of the image: an integer, so every pixel is the same size (crisp), about 512 px a side. */
export function pixelScale(rows: number, cols: number): number {
  return Math.max(1, Math.floor(512 / Math.max(1, rows, cols)));
}

/**
 * Paints `colours` ([rows, cols]) on `canvas`, `scale` px per pixel: the image at one px per
 * pixel scaled up without smoothing, then a hatch over masked pixels on their `maskedColour` base.
 */
export function paintPixels(
  canvas: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
  colours: Int32Array,
  rows: number,
  cols: number,
  maskedColour: string,
): void {
  const scale = pixelScale(rows, cols);
  if (canvas.width !== cols * scale) canvas.width = cols * scale;
  if (canvas.height !== rows * scale) canvas.height = rows * scale;
  const doc = canvas.ownerDocument;
  const swatch = doc.createElement("canvas");
  swatch.width = Math.max(1, cols);
  swatch.height = Math.max(1, rows);
  const swatchContext = swatch.getContext("2d");
  if (!swatchContext) return;
  const image = swatchContext.createImageData(swatch.width, swatch.height);
  let anyMasked = false;
  for (let k = 0; k < rows * cols; k++) {
    const rgb = colours[k];
    anyMasked ||= rgb === MASKED;
    image.data[4 * k] = rgb === MASKED ? 0 : (rgb >> 16) & 255;
    image.data[4 * k + 1] = rgb === MASKED ? 0 : (rgb >> 8) & 255;
    image.data[4 * k + 2] = rgb === MASKED ? 0 : rgb & 255;
    image.data[4 * k + 3] = rgb === MASKED ? 0 : 255;
  }
  swatchContext.putImageData(image, 0, 0);
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingEnabled = false;
  context.drawImage(swatch, 0, 0, canvas.width, canvas.height);
  if (!anyMasked) return;
  context.beginPath();
  for (let k = 0; k < rows * cols; k++) {
    if (colours[k] === MASKED) context.rect((k % cols) * scale, Math.floor(k / cols) * scale, scale, scale);
  }
  context.fillStyle = maskedColour;
  context.fill();
  // White diagonal stripes every 6 px across the masked region: hatched, as in the small heatmaps.
  context.save();
  context.clip();
  context.strokeStyle = "#ffffff";
  context.lineWidth = 1.5;
  context.beginPath();
  for (let s = -canvas.height; s < canvas.width; s += 6) {
    context.moveTo(s, 0);
    context.lineTo(s + canvas.height, canvas.height);
  }
  context.stroke();
  context.restore();
}
