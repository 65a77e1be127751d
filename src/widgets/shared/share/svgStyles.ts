/**
 * Makes a clone of an on-page SVG look the same on its own. In the page, much of an SVG's look
 * comes from stylesheets, classes and CSS variables (`var(--dw-ink)`, `light-dark()`), none of
 * which travel with the file. So each element's computed values are written onto its clone as
 * presentation attributes, then what only the page understands is dropped: classes, inline
 * styles, ARIA and data attributes, handlers, scripts, foreign content, per-cell hover titles.
 */

/** A presentation property, whether it inherits, and its initial value when it does not. */
interface Property {
  name: string;
  inherited: boolean;
  initial?: string;
}

const inherited = (name: string): Property => ({ name, inherited: true });

/** What decides how an SVG paints: these are read from the page and written on the clone. */
export const PAINT_PROPERTIES: readonly Property[] = [
  inherited("fill"),
  inherited("fill-opacity"),
  inherited("fill-rule"),
  inherited("stroke"),
  inherited("stroke-width"),
  inherited("stroke-opacity"),
  inherited("stroke-dasharray"),
  inherited("stroke-dashoffset"),
  inherited("stroke-linecap"),
  inherited("stroke-linejoin"),
  inherited("visibility"),
  inherited("font-family"),
  inherited("font-size"),
  inherited("font-weight"),
  inherited("font-style"),
  inherited("text-anchor"),
  inherited("dominant-baseline"),
  inherited("letter-spacing"),
  inherited("paint-order"),
  { name: "opacity", inherited: false, initial: "1" },
  { name: "stop-color", inherited: false, initial: "rgb(0, 0, 0)" },
  { name: "stop-opacity", inherited: false, initial: "1" },
];

/** Elements that could run code or pull in HTML: never exported. */
const UNSAFE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "style", "a"]);

/** Attributes with meaning only in the page (or none outside it). */
const PAGE_ONLY_ATTRIBUTE = /^(on|aria-|data-)|^(class|style|role|tabindex|focusable)$/i;

/** Values that mean something only beside the page's stylesheets. */
const PAGE_ONLY_VALUE = /var\(|light-dark\(/i;

/** A shape whose fill and stroke are both absent or fully transparent paints nothing. */
const PAINTLESS = /^(none|transparent|rgba\(\s*\d+,\s*\d+,\s*\d+,\s*0\s*\))$/;
const SHAPES = new Set(["rect", "circle", "ellipse", "path", "line", "polyline", "polygon"]);

/**
 * Writes the computed paint of every element under `original` onto the matching element of
 * `clone` (a deep clone of it), and strips what only the page understands. Inherited values are
 * written only where they differ from the parent's (so the file stays small), and always on the
 * top element and wherever the clone already had that attribute (it may hold a `var()`).
 */
export function inlinePaint(original: Element, clone: Element): void {
  const view = original.ownerDocument.defaultView;
  if (!view) return;
  const removals: Element[] = [];
  const visit = (source: Element, target: Element, parent: CSSStyleDeclaration | null) => {
    const tag = target.localName.toLowerCase();
    if (UNSAFE_ELEMENTS.has(tag) || (parent !== null && (tag === "title" || tag === "desc"))) {
      removals.push(target);
      return;
    }
    const style = view.getComputedStyle(source);
    if (style.display === "none") {
      removals.push(target);
      return;
    }
    writePaint(style, parent, target);
    stripPageOnly(target);
    if (SHAPES.has(tag) && onlyTitled(target) && paintsNothing(style)) {
      removals.push(target);
      return;
    }
    const sources = source.children;
    const targets = target.children;
    for (let i = 0; i < sources.length && i < targets.length; i++) visit(sources[i], targets[i], style);
  };
  visit(original, clone, null);
  for (const element of removals) element.remove();
}

function writePaint(style: CSSStyleDeclaration, parent: CSSStyleDeclaration | null, target: Element): void {
  for (const property of PAINT_PROPERTIES) {
    const value = style.getPropertyValue(property.name).trim();
    if (value === "") continue;
    if (PAGE_ONLY_VALUE.test(value)) {
      target.removeAttribute(property.name); // unresolved here: the inherited value stands in
      continue;
    }
    const had = target.hasAttribute(property.name);
    const differs = property.inherited
      ? parent === null || parent.getPropertyValue(property.name).trim() !== value
      : value !== property.initial;
    if (had || differs) target.setAttribute(property.name, value);
  }
}

/** No children but hover titles (which are dropped): nothing under it paints either. */
const onlyTitled = (element: Element) =>
  Array.from(element.children).every((child) => child.localName === "title" || child.localName === "desc");

function paintsNothing(style: CSSStyleDeclaration): boolean {
  const fill = style.getPropertyValue("fill").trim();
  const stroke = style.getPropertyValue("stroke").trim();
  return PAINTLESS.test(fill) && PAINTLESS.test(stroke);
}

function stripPageOnly(target: Element): void {
  for (const { name, value } of Array.from(target.attributes)) {
    const externalLink = /(^|:)href$/i.test(name) && !value.startsWith("#");
    if (PAGE_ONLY_ATTRIBUTE.test(name) || PAGE_ONLY_VALUE.test(value) || externalLink)
      target.removeAttribute(name);
  }
}
