/**
 * The one message an embedded widget sends to the page around its iframe: its content height, so
 * the iframe can be sized to fit. The embed page posts it (to the parent, `postMessage(message,
 * "*")`: the parent's origin is unknown, and a height says nothing private); the snippet a blogger
 * pastes listens for it. The listener accepts this shape and nothing else:
 *
 *   { type: "dynamic-weights:height", version: 1, widget: "attention", height: 612 }
 *
 * `widget` is the widget's name (`dw-<name>`); `height` is CSS pixels, finite, 0 < height ≤ 20000.
 */
export const EMBED_HEIGHT_MESSAGE = "dynamic-weights:height";

/** The version of the message's shape; a listener ignores any other. */
export const EMBED_MESSAGE_VERSION = 1;

/** Taller than any widget can be: a larger height is refused rather than stretching the host page. */
export const MAX_EMBED_HEIGHT = 20_000;

export interface HeightMessage {
  type: typeof EMBED_HEIGHT_MESSAGE;
  version: typeof EMBED_MESSAGE_VERSION;
  widget: string;
  height: number;
}

/** The message saying widget `widget` is now `height` CSS pixels tall (rounded up to a whole pixel). */
export function heightMessage(widget: string, height: number): HeightMessage {
  return { type: EMBED_HEIGHT_MESSAGE, version: EMBED_MESSAGE_VERSION, widget, height: Math.ceil(height) };
}

/** Whether `height` is one a listener applies: a finite number in (0, MAX_EMBED_HEIGHT]. */
export function isEmbedHeight(height: unknown): height is number {
  return typeof height === "number" && Number.isFinite(height) && height > 0 && height <= MAX_EMBED_HEIGHT;
}

/**
 * Whether `data` (a `message` event's data, from anywhere) is a valid height message. The origin
 * and source of the event are the listener's to check: this only checks the shape.
 */
export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === EMBED_HEIGHT_MESSAGE &&
    message.version === EMBED_MESSAGE_VERSION &&
    typeof message.widget === "string" &&
    isEmbedHeight(message.height)
  );
}
