import { uiColor } from "./palette";
import { uniqueId } from "./svg";

/**
 * The nodes of a pooled heatmap, created from `element`'s document: the key range above, the
 * query range beside a focusable square frame (canvas, cell cursor and brush overlays), the zoom
 * buttons' row, the summary and the live readout. Layout-critical styles are inline, so the
 * figure works without a stylesheet.
 */
export function createPooledSkeleton(element: HTMLElement) {
  const doc = element.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: HTMLElement) => {
    const node = doc.createElement(tag);
    node.className = className;
    parent.appendChild(node);
    return node;
  };
  const root = make("div", "dw-pooled", element);
  const xAxis = make("div", "dw-pooled-axis dw-pooled-axis-x", root);
  const body = make("div", "dw-pooled-body", root);
  body.style.cssText = "display:flex;align-items:stretch;gap:0.25rem";
  const yAxis = make("div", "dw-pooled-axis dw-pooled-axis-y", body);
  yAxis.style.cssText = "writing-mode:vertical-rl;transform:rotate(180deg);text-align:center";
  const frame = make("div", "dw-pooled-frame", body);
  frame.tabIndex = 0;
  frame.setAttribute("role", "group");
  frame.setAttribute("aria-roledescription", "zoomable heatmap");
  // Relative box for the overlays; the colour is the masked base, read back for the canvas.
  frame.style.cssText = "position:relative;flex:1 1 auto;aspect-ratio:1;touch-action:none;cursor:crosshair";
  frame.style.color = uiColor("masked");
  const canvas = make("canvas", "dw-pooled-canvas", frame);
  canvas.setAttribute("aria-hidden", "true");
  canvas.style.cssText = "position:absolute;inset:0;width:100%;height:100%;image-rendering:pixelated";
  const cursorBox = make("div", "dw-pooled-cursor", frame);
  cursorBox.style.cssText =
    "position:absolute;outline:2px solid var(--dw-focus, #0072B2);pointer-events:none";
  cursorBox.hidden = true;
  const brush = make("div", "dw-pooled-brush", frame);
  brush.style.cssText = "position:absolute;border:1px dashed var(--dw-ink, #1A1A1A);pointer-events:none";
  brush.hidden = true;
  const controls = make("div", "dw-pooled-controls", root);
  const button = (text: string, onClick: () => void) => {
    const b = make("button", "dw-pooled-button", controls);
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  };
  const summary = make("p", "dw-pooled-summary", root);
  summary.id = uniqueId("dw-pooled-summary");
  const readout = make("p", "dw-pooled-readout", root);
  readout.id = uniqueId("dw-pooled-readout");
  readout.setAttribute("aria-live", "polite");
  frame.setAttribute("aria-describedby", `${summary.id} ${readout.id}`);
  return { root, xAxis, yAxis, frame, canvas, cursorBox, brush, summary, readout, button };
}
