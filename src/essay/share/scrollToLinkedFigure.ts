import type { EssayLink } from "./essayLink";

/** How long the page keeps looking for the linked figure while its section's code loads. */
const GIVE_UP_MS = 15_000;

/**
 * Brings the linked figure into view: its section at once (its heading is there before its code
 * loads), then the figure itself when it has started. Stops as soon as the reader scrolls, types
 * or touches, so it never fights them. Returns the cleanup.
 */
export function scrollToLinkedFigure(doc: Document, link: EssayLink): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  let done = false;
  let sectionShown = false;

  const step = () => {
    if (done) return;
    const figure = doc.getElementById(link.id);
    if (figure) {
      (figure.closest("figure") ?? figure).scrollIntoView({ block: "start" });
      stop();
      return;
    }
    const section = doc.getElementById(link.section);
    if (section && !sectionShown) {
      sectionShown = true;
      section.scrollIntoView({ block: "start" });
    }
  };

  const observer = new MutationObserver(step);
  const timer = win.setTimeout(() => stop(), GIVE_UP_MS);
  const onReader = () => stop();
  const readerEvents = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
  function stop() {
    if (done) return;
    done = true;
    observer.disconnect();
    win?.clearTimeout(timer);
    for (const type of readerEvents) win?.removeEventListener(type, onReader, true);
  }
  observer.observe(doc.body, { childList: true, subtree: true });
  for (const type of readerEvents) win.addEventListener(type, onReader, { capture: true, passive: true });
  step();
  return stop;
}
