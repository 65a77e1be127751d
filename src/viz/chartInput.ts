import type { ChartDragPhase, Point } from "./chartTypes";
import { indexedTarget } from "./svg";

/** What chartInput needs from the chart. Pointer positions are in viewBox px. */
export interface ChartInputHost {
  /** Client (pointer) coordinates to viewBox px. */
  toSvg(clientX: number, clientY: number): Point;
  /** Where handle `index` is drawn now, in viewBox px. */
  handleAt(index: number): Point | null;
  /** The pointer wants handle `index` drawn at `px` (viewBox px); null: where it is now. */
  dragTo(index: number, px: Point | null, phase: ChartDragPhase): void;
  /** An arrow key: move handle `index` one step along `direction` (×5 when `big`). */
  nudge(index: number, direction: Point, big: boolean): void;
  /** The pointer hovers at `px` (viewBox px), or left the chart. */
  hover(px: Point | null): void;
  /** A handle gained focus, or focus left the handles. */
  focus(index: number | null): void;
}

const DIRECTIONS: Readonly<Record<string, Point>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/**
 * Pointer, keyboard and hover input, delegated to the chart's SVG so handles added by a later
 * update need no wiring. Pointer events cover mouse, touch and pen.
 *
 *   pointerdown on a handle ─► focus, capture the pointer, "start" (grab offset kept in px,
 *                              so the handle does not jump to the finger, on log axes too)
 *   pointermove ─► "move"; without a drag it is a hover (readout under the chart)
 *   pointerup / pointercancel / lostpointercapture ─► "end"
 *   arrow keys ─► nudge (the chart sends "move" then "end")
 *
 * Focus listeners go on `focusRoot`, an HTML element around the SVG: Chromium makes an SVG
 * element with focus listeners a tab stop of its own, which would put the whole chart in the
 * tab order before its handles.
 */
export function attachChartInput(
  svg: SVGSVGElement,
  focusRoot: HTMLElement,
  host: ChartInputHost,
): { dragging(): boolean; destroy(): void } {
  let drag: { index: number; pointerId: number; offset: Point; node: Element } | null = null;

  const handleOf = (target: EventTarget | null) =>
    indexedTarget(svg, target, ".dw-chart-handle[data-index]", "data-index");

  const onPointerDown = (e: Event) => {
    const event = e as PointerEvent;
    const hit = handleOf(event.target);
    if (!hit || drag) return;
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const at = host.handleAt(hit.index);
    if (!at) return;
    event.preventDefault(); // no text selection, no emulated mouse events
    (hit.node as SVGElement).focus({ preventScroll: true });
    const pointer = host.toSvg(event.clientX, event.clientY);
    drag = {
      index: hit.index,
      pointerId: event.pointerId,
      offset: [pointer[0] - at[0], pointer[1] - at[1]],
      node: hit.node,
    };
    try {
      hit.node.setPointerCapture?.(event.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture; the drag still works without it.
    }
    host.dragTo(hit.index, null, "start");
  };
  const onPointerMove = (e: Event) => {
    const event = e as PointerEvent;
    const pointer = host.toSvg(event.clientX, event.clientY);
    if (!drag) {
      host.hover(pointer);
      return;
    }
    if (event.pointerId !== drag.pointerId) return;
    host.dragTo(drag.index, [pointer[0] - drag.offset[0], pointer[1] - drag.offset[1]], "move");
  };
  const onPointerEnd = (e: Event) => {
    const event = e as PointerEvent;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { index, node } = drag;
    drag = null;
    if (node.hasPointerCapture?.(event.pointerId)) node.releasePointerCapture(event.pointerId);
    host.dragTo(index, null, "end"); // the last move placed it: px → data again would add rounding
  };
  const onPointerLeave = () => {
    if (!drag) host.hover(null);
  };
  const onFocusIn = (e: Event) => {
    const hit = handleOf(e.target);
    if (hit) host.focus(hit.index);
  };
  const onFocusOut = (e: Event) => {
    if (!handleOf((e as FocusEvent).relatedTarget)) host.focus(null);
  };
  const onKeyDown = (e: Event) => {
    const event = e as KeyboardEvent;
    const hit = handleOf(event.target);
    const direction = DIRECTIONS[event.key];
    if (!hit || drag || !direction) return;
    event.preventDefault(); // arrow keys must not scroll the page
    host.nudge(hit.index, direction, event.shiftKey);
  };

  const listeners: [string, (e: Event) => void][] = [
    ["pointerdown", onPointerDown],
    ["pointermove", onPointerMove],
    ["pointerup", onPointerEnd],
    ["pointercancel", onPointerEnd],
    ["lostpointercapture", onPointerEnd],
    ["pointerleave", onPointerLeave],
    ["keydown", onKeyDown],
  ];
  const focusListeners: [string, (e: Event) => void][] = [
    ["focusin", onFocusIn],
    ["focusout", onFocusOut],
  ];
  for (const [type, listener] of listeners) svg.addEventListener(type, listener);
  for (const [type, listener] of focusListeners) focusRoot.addEventListener(type, listener);
  return {
    dragging: () => drag !== null,
    destroy() {
      for (const [type, listener] of listeners) svg.removeEventListener(type, listener);
      for (const [type, listener] of focusListeners) focusRoot.removeEventListener(type, listener);
      drag = null;
    },
  };
}
