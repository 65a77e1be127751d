/**
 * Small DOM helpers shared by the renderers. Nothing here reaches for a global `document`:
 * everything derives from the element the caller hands in, so renderers run under jsdom and
 * two copies on one page never touch each other.
 */

/** Formats a number for labels and aria text: fixed digits, "−0.00" folded to "0.00". */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "∞";
  if (x === Number.NEGATIVE_INFINITY) return "−∞";
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** `(0.31, -0.20)` */
export function formatPoint(x: number, y: number, digits = 2): string {
  return `(${formatNumber(x, digits)}, ${formatNumber(y, digits)})`;
}

/** Shortens long tokens for axis labels; the full text stays in aria-labels and titles. */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = Array.from(label); // code points, so emoji are not split in half
  return chars.length <= maxChars ? label : `${chars.slice(0, Math.max(1, maxChars - 1)).join("")}…`;
}

/**
 * A document-unique id for <pattern>/<clipPath> references. ids are global to a document, so a
 * fixed id would collide when a widget is mounted twice; a random suffix keeps instances apart
 * without module-level counters.
 */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

interface ScreenMatrix {
  inverse(): DOMMatrix;
}

/**
 * Converts a pointer's client coordinates to the SVG's user (viewBox) coordinates.
 * Real browsers: the inverse screen CTM, which accounts for CSS transforms and scrolling.
 * jsdom has no layout and no getScreenCTM, so fall back to the bounding box scaled to the
 * viewBox (a zero-size box, jsdom's default, is treated as 1:1 at the origin).
 */
export function clientToSvg(svg: SVGSVGElement, clientX: number, clientY: number): [number, number] {
  const getCtm = (svg as { getScreenCTM?: () => ScreenMatrix | null }).getScreenCTM;
  const ctm = typeof getCtm === "function" ? getCtm.call(svg) : null;
  const view = svg.ownerDocument.defaultView;
  if (ctm && view && typeof view.DOMPoint === "function") {
    const p = new view.DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return [p.x, p.y];
  }
  const rect = svg.getBoundingClientRect();
  // Parse the attribute rather than svg.viewBox.baseVal, which jsdom does not implement.
  const [bx, by, bw, bh] = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const hasBox = Number.isFinite(bw) && Number.isFinite(bh) && bw > 0 && bh > 0;
  const sx = hasBox && rect.width > 0 ? bw / rect.width : 1;
  const sy = hasBox && rect.height > 0 ? bh / rect.height : 1;
  return [(clientX - rect.left) * sx + (hasBox ? bx : 0), (clientY - rect.top) * sy + (hasBox ? by : 0)];
}

/**
 * The element matching `selector` at or above an event's target, inside `root`, with its whole-number
 * `attribute` (e.g. a token's `data-index`), or null. Input handlers delegated to a figure's root
 * use it to find which mark an event is about.
 */
export function indexedTarget(
  root: Element,
  target: EventTarget | null,
  selector: string,
  attribute: string,
): { index: number; node: Element } | null {
  const el = target as Element | null;
  const node = el && typeof el.closest === "function" ? el.closest(selector) : null;
  if (!node || !root.contains(node)) return null;
  const index = Number(node.getAttribute(attribute));
  return Number.isInteger(index) ? { index, node } : null;
}
