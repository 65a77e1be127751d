import { indexedTarget } from "./svg";

/**
 * Row interaction for the heatmap: hover, focus and a roving tabindex over the rows.
 * Listeners are delegated to the SVG once, so re-joining rows on a shape change never leaves
 * stale handlers behind, and update() at 60 fps adds none.
 *
 *   pointer over a row ─┐
 *   focus on a row ─────┼─► interactive row = hovered ?? focused ─► onChange(row | null)
 *   ↑/↓/Home/End ───────┘    (moves focus; Tab leaves the grid from the one row with tabindex 0)
 */
export interface RowInteraction {
  /** The row under the pointer, else the focused row, else null. */
  current(): number | null;
  /** Makes `row` the single tabbable row (roving tabindex). */
  setTabStop(row: number): void;
  destroy(): void;
}

export function attachRowInteraction(
  svg: SVGSVGElement,
  rowNodes: () => readonly SVGGElement[],
  onChange: (row: number | null) => void,
  focusRoot: HTMLElement,
): RowInteraction {
  let hovered: number | null = null;
  let focused: number | null = null;
  let reported: number | null = null;

  const current = () => hovered ?? focused;
  const report = () => {
    const row = current();
    if (row === reported) return;
    reported = row;
    onChange(row);
  };
  const rowOf = (target: EventTarget | null): number | null =>
    indexedTarget(svg, target, "[role='row'][data-row]", "data-row")?.index ?? null;
  const setTabStop = (row: number) => {
    const rows = rowNodes();
    for (let i = 0; i < rows.length; i++) rows[i].setAttribute("tabindex", i === row ? "0" : "-1");
  };

  const onPointerOver = (event: Event) => {
    hovered = rowOf(event.target);
    report();
  };
  const onPointerLeave = () => {
    hovered = null;
    report();
  };
  const onFocusIn = (event: Event) => {
    focused = rowOf(event.target);
    if (focused !== null) setTabStop(focused);
    report();
  };
  const onFocusOut = (event: Event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (next && svg.contains(next)) return; // focus moves between rows: focusin follows
    focused = null;
    report();
  };
  const onKeyDown = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    const row = rowOf(event.target);
    const rows = rowNodes();
    if (row === null || rows.length === 0) return;
    let next = row;
    if (key === "ArrowDown") next = Math.min(rows.length - 1, row + 1);
    else if (key === "ArrowUp") next = Math.max(0, row - 1);
    else if (key === "Home") next = 0;
    else if (key === "End") next = rows.length - 1;
    else return;
    event.preventDefault();
    setTabStop(next);
    rows[next].focus();
  };

  svg.addEventListener("pointerover", onPointerOver);
  svg.addEventListener("pointerleave", onPointerLeave);
  // Chromium makes an <svg> with focus listeners a Tab stop of its own (unnamed, before the rows),
  // so focus is heard on the HTML element around it.
  focusRoot.addEventListener("focusin", onFocusIn);
  focusRoot.addEventListener("focusout", onFocusOut);
  svg.addEventListener("keydown", onKeyDown);

  return {
    current,
    setTabStop,
    destroy() {
      svg.removeEventListener("pointerover", onPointerOver);
      svg.removeEventListener("pointerleave", onPointerLeave);
      focusRoot.removeEventListener("focusin", onFocusIn);
      focusRoot.removeEventListener("focusout", onFocusOut);
      svg.removeEventListener("keydown", onKeyDown);
    },
  };
}
