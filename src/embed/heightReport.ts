import { heightMessage } from "../state/share/embedMessage";

/**
 * Tells the page around the iframe how tall this document is whenever that changes, so the
 * blogger's resize snippet can fit the iframe to it. It only ever sends: the embed page adds no
 * `message` listener and accepts nothing from its parent. `targetOrigin` is "*" because the host
 * page's origin is unknown, and a height reveals nothing private. Returns the stop function.
 */
export function reportHeight(widget: string, doc: Document = document): () => void {
  const view = doc.defaultView;
  if (!view || view.parent === view) return () => {};
  const parent = view.parent;
  const measured = doc.documentElement;
  let last = -1;
  const send = () => {
    // The <html> box's own height: unlike scrollHeight it shrinks with the content, not clamped to the frame.
    const height = Math.ceil(measured.getBoundingClientRect().height);
    if (height === last || height <= 0) return;
    last = height;
    parent.postMessage(heightMessage(widget, height), "*");
  };
  const observer = new ResizeObserver(send);
  observer.observe(measured);
  send();
  return () => observer.disconnect();
}
