/*
 * How the training loop gives its thread back between slices of work. In a worker a macrotask is
 * enough (the page's thread is never blocked; this only lets a pause message in). On the page's
 * own thread a slice ends with one frame, so scrolling and dragging keep their 60 Hz.
 */

/** The next macrotask. A MessageChannel message is not clamped to 4 ms as nested setTimeouts are. */
export function yieldMacrotask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The next animation frame (none in Node: a macrotask instead). A hidden page has no frames, so training waits with it. */
export function yieldFrame(): Promise<void> {
  if (typeof requestAnimationFrame === "undefined") return yieldMacrotask();
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The text at `url`; an HTTP error status is an error that names it. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(
      `${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
    );
  return response.text();
}
