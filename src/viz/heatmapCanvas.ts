import type { HeatmapLayout } from "./heatmapLayout";

/**
 * The heatmap's cell colours on a <canvas> under its SVG. Recolouring thousands of SVG rects per
 * drag step costs style, layout and paint for every rect; one canvas repaint costs one image.
 * The SVG keeps everything else (labels, highlight, accessible cells as transparent hit targets).
 *
 *   div.dw-heatmap-frame (position: relative; its height is the SVG's)
 *   ├ div.dw-heatmap-cells  abs, height 100%, aspect-ratio = the SVG's: exactly the SVG's box
 *   │ └ canvas               abs, the cell grid's share of that box, in %
 *   └ svg                    in flow, any CSS width (width: 100% scales it by its viewBox)
 *
 * The box takes its height from the frame and its width from the SVG's aspect ratio, so it
 * matches the SVG whether the SVG keeps its natural width or is scaled by CSS, with no layout
 * reads. A ResizeObserver keeps the backing store at the displayed size × devicePixelRatio.
 */
export interface CellCanvas {
  /** Places the canvas over the `rows × cols` grid of `layout`; call when the shape changes. */
  place(layout: HeatmapLayout, rows: number, cols: number): void;
  /**
   * Paints cell k = i·cols + j with `fills[k]` (`#rrggbb` or `rgb(r, g, b)`), or hatched where
   * `masked[k]` is 1. Arrays are read, not kept beyond the next call.
   */
  paint(fills: readonly string[], masked: Uint8Array): void;
  destroy(): void;
}

/** Pattern tile: 4 × 4 user units, as the SVG's <pattern>, drawn at this many px per unit. */
const TILE_SCALE = 4;

/**
 * A canvas layer in `frame` (before its other children), or null where there is no 2D context
 * or no ResizeObserver (jsdom): the caller then paints the SVG rects instead.
 * `maskedColour` is the hatch's base colour, any CSS colour (e.g. `var(--dw-masked, #BDBDBD)`).
 */
export function createCellCanvas(frame: HTMLElement, maskedColour: string): CellCanvas | null {
  const doc = frame.ownerDocument;
  const maybeView = doc.defaultView;
  // Checked first: jsdom's getContext logs "not implemented" on every call.
  if (!maybeView || typeof maybeView.ResizeObserver !== "function") return null;
  const view: Window & typeof globalThis = maybeView;
  const canvas = doc.createElement("canvas");
  const context = canvas.getContext("2d");
  // One pixel per cell; scaled up onto the visible canvas without smoothing.
  const swatch = doc.createElement("canvas");
  const swatchContext = swatch.getContext("2d");
  if (!context || !swatchContext) return null;

  const box = doc.createElement("div");
  box.className = "dw-heatmap-cells";
  box.setAttribute("aria-hidden", "true");
  box.style.cssText = "position:absolute;left:0;top:0;height:100%;pointer-events:none";
  // A canvas cannot read var() or light-dark(): the box's computed `color` resolves them.
  box.style.color = maskedColour;
  canvas.style.cssText = "position:absolute;display:block";
  box.appendChild(canvas);
  frame.prepend(box);

  let rows = 0;
  let cols = 0;
  let cell = 1;
  let gap = 0;
  let image: ImageData | null = null;
  let lastFills: readonly string[] = [];
  let lastMasked: Uint8Array = new Uint8Array(0);
  const hatch = createHatch(doc, context);
  const rgbOf = createRgbParser();

  const resizeBacking = (width: number, height: number) => {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    if (canvas.width === w && canvas.height === h) return false;
    canvas.width = w;
    canvas.height = h;
    return true;
  };
  /** The observer has reported the displayed size, so the backing store already follows it. */
  let observed = false;
  const observer = new view.ResizeObserver((entries) => {
    observed = true;
    const entry = entries[entries.length - 1];
    const device = entry.devicePixelContentBoxSize?.[0];
    const dpr = view.devicePixelRatio;
    const changed = device
      ? resizeBacking(device.inlineSize, device.blockSize)
      : resizeBacking(entry.contentRect.width * dpr, entry.contentRect.height * dpr);
    if (changed) draw();
  });
  try {
    // Also fires when only devicePixelRatio changes (browser zoom, another screen).
    observer.observe(canvas, { box: "device-pixel-content-box" });
  } catch {
    observer.observe(canvas); // Safari: that box is not supported
  }

  function draw(): void {
    if (!image || !context || !swatchContext) return;
    if (rows === 0 || cols === 0) {
      context.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const pixels = image.data;
    let anyMasked = false;
    for (let k = 0; k < rows * cols; k++) {
      const rgb = lastMasked[k] ? -1 : rgbOf(lastFills[k] ?? "");
      anyMasked ||= lastMasked[k] === 1;
      pixels[4 * k] = (rgb >> 16) & 255;
      pixels[4 * k + 1] = (rgb >> 8) & 255;
      pixels[4 * k + 2] = rgb & 255;
      pixels[4 * k + 3] = rgb < 0 ? 0 : 255;
    }
    swatchContext.putImageData(image, 0, 0);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = false;
    context.drawImage(swatch, 0, 0, canvas.width, canvas.height);
    // From here on, draw in SVG user units (px of the layout), as the SVG does.
    context.setTransform(canvas.width / (cols * cell), 0, 0, canvas.height / (rows * cell), 0, 0);
    if (gap > 0) {
      for (let j = 1; j <= cols; j++) context.clearRect(j * cell - gap, 0, gap, rows * cell);
      for (let i = 1; i <= rows; i++) context.clearRect(0, i * cell - gap, cols * cell, gap);
    }
    if (anyMasked) {
      const side = Math.max(1, cell - gap);
      context.beginPath();
      for (let k = 0; k < rows * cols; k++) {
        if (lastMasked[k]) context.rect((k % cols) * cell, Math.floor(k / cols) * cell, side, side);
      }
      // Read at each paint, so a theme switch shows at the next one (style is clean mid-drag: cheap).
      context.fillStyle = hatch(view.getComputedStyle(box).color);
      context.fill();
    }
  }

  return {
    place(layout, nextRows, nextCols) {
      rows = nextRows;
      cols = nextCols;
      cell = layout.cell;
      gap = layout.gap;
      const pct = (x: number, of: number) => `${(100 * x) / of}%`;
      box.style.aspectRatio = `${layout.width} / ${layout.height}`;
      canvas.style.left = pct(layout.gridX, layout.width);
      canvas.style.top = pct(layout.gridY, layout.height);
      canvas.style.width = pct(cols * cell, layout.width);
      canvas.style.height = pct(rows * cell, layout.height);
      swatch.width = Math.max(1, cols);
      swatch.height = Math.max(1, rows);
      image = swatchContext.createImageData(swatch.width, swatch.height);
      // Natural size until the observer first reports the displayed one (before the next paint);
      // after that it reports every change of the displayed size, including this one's.
      if (!observed) resizeBacking(cols * cell * view.devicePixelRatio, rows * cell * view.devicePixelRatio);
    },
    paint(fills, masked) {
      lastFills = fills;
      lastMasked = masked;
      draw();
    },
    destroy() {
      observer.disconnect();
      box.remove();
    },
  };
}

/**
 * The SVG's hatch as a canvas pattern: a 4 × 4 tile of the masked colour with a white stripe
 * along its left edge (half a unit wide: the SVG's 1-unit line is centred on the tile's edge and
 * clipped by it), rotated 45°. Rebuilt only when the colour changes (a theme switch).
 */
function createHatch(
  doc: Document,
  target: CanvasRenderingContext2D,
): (colour: string) => CanvasPattern | string {
  let colour = "";
  let pattern: CanvasPattern | string = "";
  return (next) => {
    if (next === colour) return pattern;
    colour = next;
    const tile = doc.createElement("canvas");
    tile.width = 4 * TILE_SCALE;
    tile.height = 4 * TILE_SCALE;
    const t = tile.getContext("2d");
    pattern = next; // plain masked colour if the tile cannot be drawn
    if (!t) return pattern;
    t.fillStyle = next;
    t.fillRect(0, 0, tile.width, tile.height);
    t.fillStyle = "#ffffff";
    t.fillRect(0, 0, TILE_SCALE / 2, tile.height);
    const made = target.createPattern(tile, "repeat");
    made?.setTransform(new DOMMatrix().rotate(45).scale(1 / TILE_SCALE));
    pattern = made ?? next;
    return pattern;
  };
}

/**
 * `#rrggbb` or `rgb(r, g, b)` (what d3's interpolators return) → 0xRRGGBB; else mid grey.
 * Memoised per canvas: a quantised scale has only COLOUR_LEVELS + 1 colours.
 */
function createRgbParser(): (fill: string) => number {
  const cache = new Map<string, number>();
  return (fill) => {
    const cached = cache.get(fill);
    if (cached !== undefined) return cached;
    let rgb = 0x808080;
    const hex = /^#([0-9a-f]{6})$/i.exec(fill);
    const fn = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(fill);
    if (hex) rgb = Number.parseInt(hex[1], 16);
    else if (fn) rgb = (Number(fn[1]) << 16) | (Number(fn[2]) << 8) | Number(fn[3]);
    if (cache.size < 4096) cache.set(fill, rgb);
    return rgb;
  };
}
