import { inlinePaint } from "./svgStyles";

const SVG_NS = "http://www.w3.org/2000/svg";

/** An element's box in CSS pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a figure part's box is: the real layout by default; tests under jsdom pass their own. */
export type BoxOf = (element: Element) => Box;

const layoutBox: BoxOf = (element) => element.getBoundingClientRect();

/** Margin around the composed figure, and the title line's height, in CSS pixels. */
const PAD = 16;
const TITLE_SIZE = 16;
const TITLE_LINE = 28;
/** Smaller parts are icons in the widget's chrome, not figures. */
const MIN_PART = 24;

/** Panel captions ("Scores", "Weights") are HTML beside the drawings: exported as text lines. */
const CAPTION = ".dw-panel-title";

/**
 * The figure's visible drawings inside `root`, in document order (a heatmap's colour canvas comes
 * before the SVG drawn over it): every outermost `<svg>` and every `<canvas>` with a box, and the
 * panels' captions, except those in the share bar, in controls, or marked `data-dw-export="skip"`.
 */
export function figureParts(root: Element, boxOf: BoxOf = layoutBox): Element[] {
  return Array.from(root.querySelectorAll(`svg, canvas, ${CAPTION}`)).filter((part) => {
    if (part.parentElement?.closest("svg")) return false;
    if (part.closest(".dw-share-bar, button, label, [data-dw-export='skip']")) return false;
    const box = boxOf(part);
    if (part.matches(CAPTION)) return box.width > 0 && box.height > 0 && part.textContent?.trim() !== "";
    return box.width >= MIN_PART && box.height >= MIN_PART;
  });
}

/**
 * The first opaque background at or above `element` (through shadow hosts). With none (a page that
 * leaves its background to the browser), white, or near-black when the ink is light (a dark theme).
 */
function backgroundOf(element: Element, ink: string): string {
  const view = element.ownerDocument.defaultView;
  let node: Element | null = element;
  while (node && view) {
    const colour = view.getComputedStyle(node).backgroundColor;
    if (colour && colour !== "transparent" && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
    const parent: Element | null = node.parentElement;
    const root = node.getRootNode();
    node = parent ?? (root instanceof view.ShadowRoot ? root.host : null);
  }
  const [r, g, b] = (ink.match(/[\d.]+/g) ?? []).map(Number);
  const light = [r, g, b].every(Number.isFinite) && 0.299 * r + 0.587 * g + 0.114 * b > 150;
  return light ? "#15171a" : "#ffffff";
}

/** The composed figure and its size in CSS pixels (the PNG is drawn at PNG_SCALE times this). */
export interface ComposedFigure {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

/**
 * One standalone SVG of the figure in `root`: a title line, then each part where it sits on
 * screen (relative to the other parts). SVG parts are cloned with their computed paint inlined
 * (svgStyles.ts) and sized to their on-screen boxes (their viewBox scales them as the page did);
 * canvas parts (heatmap colours) become `<image>`s of their pixels. Throws when nothing is drawn.
 */
export function composeFigureSvg(root: HTMLElement, title: string, boxOf: BoxOf = layoutBox): ComposedFigure {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const parts = figureParts(root, boxOf);
  if (parts.length === 0) throw new Error("the figure has nothing drawn yet.");
  const origin = boxOf(root);
  const boxes = parts.map((part) => {
    const box = boxOf(part);
    return { left: box.left - origin.left, top: box.top - origin.top, width: box.width, height: box.height };
  });
  const minX = Math.min(...boxes.map((b) => b.left));
  const minY = Math.min(...boxes.map((b) => b.top));
  const maxX = Math.max(...boxes.map((b) => b.left + b.width));
  const maxY = Math.max(...boxes.map((b) => b.top + b.height));
  const width = Math.ceil(maxX - minX + 2 * PAD);
  const height = Math.ceil(maxY - minY + TITLE_LINE + 2 * PAD);

  const make = <K extends keyof SVGElementTagNameMap>(
    tag: K,
    attributes: Record<string, string | number>,
  ) => {
    const element = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    return element;
  };
  const rootStyle = view?.getComputedStyle(root);
  const ink = rootStyle?.color || "#1a1a1a";
  const svg = make("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": rootStyle?.fontFamily || "system-ui, sans-serif",
  });
  const titleElement = make("title", {});
  titleElement.textContent = title;
  svg.append(titleElement, make("rect", { width, height, fill: backgroundOf(root, ink) }));
  const heading = make("text", {
    x: PAD,
    y: PAD + TITLE_SIZE,
    "font-size": TITLE_SIZE,
    "font-weight": 700,
    fill: ink,
  });
  heading.textContent = title;
  svg.appendChild(heading);

  parts.forEach((part, i) => {
    const box = boxes[i];
    const placed = {
      x: box.left - minX + PAD,
      y: box.top - minY + PAD + TITLE_LINE,
      width: box.width,
      height: box.height,
    };
    if (part.matches(CAPTION)) {
      svg.appendChild(captionText(part, placed, make));
      return;
    }
    const drawn = part.localName === "canvas" ? canvasImage(part as HTMLCanvasElement, make) : svgClone(part);
    if (!drawn) return;
    for (const [name, value] of Object.entries(placed)) drawn.setAttribute(name, String(value));
    svg.appendChild(drawn);
  });
  return { svg, width, height };
}

/** An HTML caption as one line of SVG text in its own font, vertically centred in its box. */
function captionText(
  caption: Element,
  at: { x: number; y: number; height: number },
  make: (tag: "text", attributes: Record<string, string | number>) => SVGTextElement,
): SVGTextElement {
  const style = caption.ownerDocument.defaultView?.getComputedStyle(caption);
  const text = make("text", {
    x: at.x,
    y: at.y + at.height / 2,
    "dominant-baseline": "central",
    fill: style?.color || "#1a1a1a",
    "font-family": style?.fontFamily || "system-ui, sans-serif",
    "font-size": style?.fontSize || "14px",
    "font-weight": style?.fontWeight || "700",
  });
  text.textContent = caption.textContent?.trim() ?? "";
  return text;
}

function svgClone(part: Element): Element {
  const clone = part.cloneNode(true) as Element;
  inlinePaint(part, clone);
  for (const name of ["x", "y", "width", "height", "id"]) clone.removeAttribute(name);
  if (!clone.hasAttribute("viewBox")) clone.setAttribute("overflow", "visible");
  return clone;
}

function canvasImage(
  canvas: HTMLCanvasElement,
  make: (tag: "image", attributes: Record<string, string>) => SVGImageElement,
): SVGImageElement | null {
  let href: string;
  try {
    href = canvas.toDataURL("image/png");
  } catch {
    return null; // a tainted canvas cannot be read: leave it out rather than fail the export
  }
  if (!href.startsWith("data:image/png")) return null;
  const rendering = canvas.ownerDocument.defaultView?.getComputedStyle(canvas).imageRendering;
  return make("image", {
    href,
    preserveAspectRatio: "none",
    ...(rendering === "pixelated" ? { "image-rendering": "pixelated" } : {}),
  });
}

/** `composeFigureSvg` as file text (with an XML declaration). Text nodes are escaped by the serialiser. */
export function figureSvgText(root: HTMLElement, title: string, boxOf: BoxOf = layoutBox) {
  const { svg, width, height } = composeFigureSvg(root, title, boxOf);
  const view = root.ownerDocument.defaultView;
  const Serializer = view?.XMLSerializer ?? XMLSerializer;
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(svg)}\n`;
  return { text, width, height };
}
