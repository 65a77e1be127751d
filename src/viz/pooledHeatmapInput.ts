/**
 * Pointer and keyboard input of the pooled heatmap, in fractions of the drawn block so the caller
 * maps them to entries. A pointer drag draws a brush rectangle and reports it when released; a
 * press without a drag (under BRUSH_MIN_PX) is a hover. Keys: arrows move the cell cursor (Shift:
 * 8 pixels), + / − zoom around it, 0 resets, Escape clears the readout.
 */
export interface PooledInputHandlers {
  /** The pointer is over fraction (fx, fy) of the block, or has left it (null). */
  hover(at: readonly [number, number] | null): void;
  /** A brush was dragged from one corner to the other. */
  brushed(from: readonly [number, number], to: readonly [number, number]): void;
  moveCursor(dRow: number, dCol: number): void;
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  clear(): void;
}

/** A drag shorter than this (CSS px, either way) is a click, not a zoom rectangle. */
export const BRUSH_MIN_PX = 4;

export function attachPooledInput(
  frame: HTMLElement,
  brush: HTMLElement,
  on: PooledInputHandlers,
): { destroy(): void } {
  let start: { x: number; y: number; id: number } | null = null;

  const fraction = (event: PointerEvent): [number, number] => {
    const box = frame.getBoundingClientRect();
    const fx = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
    const fy = box.height > 0 ? (event.clientY - box.top) / box.height : 0;
    return [Math.min(1, Math.max(0, fx)), Math.min(1, Math.max(0, fy))];
  };
  const drawBrush = (a: readonly [number, number], b: readonly [number, number] | null) => {
    if (!b) {
      brush.hidden = true;
      return;
    }
    brush.hidden = false;
    brush.style.left = `${100 * Math.min(a[0], b[0])}%`;
    brush.style.top = `${100 * Math.min(a[1], b[1])}%`;
    brush.style.width = `${100 * Math.abs(a[0] - b[0])}%`;
    brush.style.height = `${100 * Math.abs(a[1] - b[1])}%`;
  };
  const far = (event: PointerEvent) =>
    start !== null &&
    (Math.abs(event.clientX - start.x) >= BRUSH_MIN_PX || Math.abs(event.clientY - start.y) >= BRUSH_MIN_PX);

  let from: [number, number] = [0, 0];
  const down = (event: PointerEvent) => {
    if (event.button !== 0) return;
    start = { x: event.clientX, y: event.clientY, id: event.pointerId };
    from = fraction(event);
    frame.setPointerCapture?.(event.pointerId);
    event.preventDefault(); // no text selection while brushing
  };
  const move = (event: PointerEvent) => {
    const at = fraction(event);
    if (start && far(event)) drawBrush(from, at);
    on.hover(at);
  };
  const up = (event: PointerEvent) => {
    if (!start || event.pointerId !== start.id) return;
    const dragged = far(event);
    start = null;
    drawBrush(from, null);
    if (dragged) on.brushed(from, fraction(event));
  };
  const cancel = () => {
    start = null;
    drawBrush(from, null);
  };
  const leave = () => {
    if (!start) on.hover(null);
  };
  const key = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 8 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-step, 0],
      ArrowDown: [step, 0],
      ArrowLeft: [0, -step],
      ArrowRight: [0, step],
    };
    if (moves[event.key]) on.moveCursor(...moves[event.key]);
    else if (event.key === "+" || event.key === "=") on.zoomIn();
    else if (event.key === "-" || event.key === "_") on.zoomOut();
    else if (event.key === "0") on.reset();
    else if (event.key === "Escape") on.clear();
    else return;
    event.preventDefault();
  };
  frame.addEventListener("pointerdown", down);
  frame.addEventListener("pointermove", move);
  frame.addEventListener("pointerup", up);
  frame.addEventListener("pointercancel", cancel);
  frame.addEventListener("pointerleave", leave);
  frame.addEventListener("keydown", key);
  return {
    destroy() {
      frame.removeEventListener("pointerdown", down);
      frame.removeEventListener("pointermove", move);
      frame.removeEventListener("pointerup", up);
      frame.removeEventListener("pointercancel", cancel);
      frame.removeEventListener("pointerleave", leave);
      frame.removeEventListener("keydown", key);
    },
  };
}
