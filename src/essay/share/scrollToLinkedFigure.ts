import type { EssayLink } from "./essayLink";

/** How long the page keeps looking for the linked figure while the sections' code loads. */
const GIVE_UP_MS = 15_000;
/** How long the page keeps the figure in place after it appears, while figures above it start. */
const SETTLE_MS = 2_000;

/**
 * Brings the linked figure into view and keeps it there while the page fills in. Sections above it
 * load their code and their figures start as they come near, so the page grows above the target
 * for a while: on every change to the page (coalesced to one per frame) it scrolls again: to the
 * figure (`data-figure-for` names the widget before it starts, and coming near starts it), or to
 * its section while the section's code is still loading. It stops SETTLE_MS after the figure appears, after GIVE_UP_MS, or as soon as the reader
 * scrolls, types or touches, so it never fights them. Returns the cleanup.
 */
export function scrollToLinkedFigure(doc: Document, link: EssayLink): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  let done = false;
  let frame = 0;
  let settle = 0;

  const align = () => {
    frame = 0;
    if (done) return;
    const widget = doc.getElementById(link.id);
    // Before the widget starts, its figure waits below its section's heading; scrolling there starts it.
    const target =
      widget?.closest("figure") ??
      widget ??
      doc.querySelector(`figure[data-figure-for="${link.id}"]`) ??
      doc.getElementById(link.section);
    target?.scrollIntoView({ block: "start" });
    if (widget && settle === 0) settle = win.setTimeout(stop, SETTLE_MS);
  };
  const schedule = () => {
    if (!done && frame === 0) frame = win.requestAnimationFrame(align);
  };

  const mutations = new MutationObserver(schedule);
  const resizes = typeof ResizeObserver === "function" ? new ResizeObserver(schedule) : null;
  const timer = win.setTimeout(stop, GIVE_UP_MS);
  const onReader = () => stop();
  const readerEvents = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
  function stop() {
    if (done) return;
    done = true;
    mutations.disconnect();
    resizes?.disconnect();
    win?.cancelAnimationFrame(frame);
    win?.clearTimeout(timer);
    win?.clearTimeout(settle);
    for (const type of readerEvents) win?.removeEventListener(type, onReader, true);
  }
  mutations.observe(doc.body, { childList: true, subtree: true });
  resizes?.observe(doc.body);
  for (const type of readerEvents) win.addEventListener(type, onReader, { capture: true, passive: true });
  align();
  return stop;
}
