import { activeElementOf } from "./activeElement";
import type { Point } from "./planeOverrides";
import { indexedTarget } from "./svg";

export type DragPhase = "start" | "move" | "end";

/** What planeInput needs from the plane; all positions are data coordinates. */
export interface PlaneInputHost {
  /** Client (pointer) coordinates to data coordinates. */
  toData(clientX: number, clientY: number): Point;
  /** Where token `index` is drawn now. */
  positionOf(index: number): Point | null;
  /** Arrow-key step; Shift multiplies it by 5. */
  step(): number;
  /** Draw `index` at `position` and tell the caller; `phase` as in onDrag. */
  moveTo(index: number, position: Point, phase: DragPhase): void;
  select(index: number): void;
}

/**
 * Pointer and keyboard input for the plane's tokens, delegated to the SVG so tokens added by a
 * later update need no wiring. Pointer events cover mouse, touch and pen; the pointer is captured
 * on pointerdown so a fast drag that leaves the dot keeps moving it.
 *
 *   pointerdown ─► focus + select, "start"   (grab offset kept: the dot does not jump to the finger)
 *   pointermove ─► "move" with the new position
 *   pointerup / pointercancel / lostpointercapture ─► "end"
 *   arrow keys  ─► "move" by step (×5 with Shift), then "end"
 */
export function attachPlaneInput(
  svg: SVGSVGElement,
  host: PlaneInputHost,
  focusRoot: HTMLElement,
): { dragging(): boolean; destroy(): void } {
  let drag: { index: number; pointerId: number; offset: Point; last: Point; node: Element } | null = null;

  const tokenOf = (target: EventTarget | null) =>
    indexedTarget(svg, target, ".dw-token[data-index]", "data-index");

  const onPointerDown = (e: Event) => {
    const event = e as PointerEvent;
    const hit = tokenOf(event.target);
    if (!hit || drag) return;
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const at = host.positionOf(hit.index);
    if (!at) return;
    event.preventDefault(); // no text selection, no emulated mouse events
    const wasFocused = activeElementOf(hit.node) === hit.node;
    (hit.node as SVGElement).focus({ preventScroll: true });
    if (wasFocused) host.select(hit.index); // otherwise focusin already selected it
    const pointer = host.toData(event.clientX, event.clientY);
    drag = {
      index: hit.index,
      pointerId: event.pointerId,
      offset: [pointer[0] - at[0], pointer[1] - at[1]],
      last: at,
      node: hit.node,
    };
    if (typeof hit.node.setPointerCapture === "function") {
      try {
        hit.node.setPointerCapture(event.pointerId);
      } catch {
        // Synthetic events have no active pointer to capture; the drag still works without it.
      }
    }
    host.moveTo(hit.index, at, "start");
  };
  const onPointerMove = (e: Event) => {
    const event = e as PointerEvent;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const pointer = host.toData(event.clientX, event.clientY);
    drag.last = [pointer[0] - drag.offset[0], pointer[1] - drag.offset[1]];
    host.moveTo(drag.index, drag.last, "move");
  };
  const onPointerEnd = (e: Event) => {
    const event = e as PointerEvent;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { index, last, node } = drag;
    drag = null;
    if (typeof node.releasePointerCapture === "function" && node.hasPointerCapture?.(event.pointerId)) {
      node.releasePointerCapture(event.pointerId);
    }
    host.moveTo(index, last, "end");
  };
  const onFocusIn = (e: Event) => {
    const hit = tokenOf(e.target);
    if (hit) host.select(hit.index);
  };
  const onKeyDown = (e: Event) => {
    const event = e as KeyboardEvent;
    const hit = tokenOf(event.target);
    if (!hit || drag) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      host.select(hit.index);
      return;
    }
    const direction: Record<string, Point> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const d = direction[event.key];
    const at = host.positionOf(hit.index);
    if (!d || !at) return;
    event.preventDefault(); // arrow keys must not scroll the page
    const step = host.step() * (event.shiftKey ? 5 : 1);
    const next: Point = [at[0] + d[0] * step, at[1] + d[1] * step];
    host.moveTo(hit.index, next, "move");
    host.moveTo(hit.index, next, "end");
  };

  const listeners: [string, (e: Event) => void][] = [
    ["pointerdown", onPointerDown],
    ["pointermove", onPointerMove],
    ["pointerup", onPointerEnd],
    ["pointercancel", onPointerEnd],
    ["lostpointercapture", onPointerEnd],
    ["keydown", onKeyDown],
  ];
  for (const [type, listener] of listeners) svg.addEventListener(type, listener);
  // Chromium makes an <svg> with a focus listener a Tab stop of its own (an unnamed one, before the
  // tokens), so focusin is heard on the HTML element around it instead.
  focusRoot.addEventListener("focusin", onFocusIn);
  return {
    dragging: () => drag !== null,
    destroy() {
      for (const [type, listener] of listeners) svg.removeEventListener(type, listener);
      focusRoot.removeEventListener("focusin", onFocusIn);
      drag = null;
    },
  };
}
