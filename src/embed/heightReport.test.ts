import { afterEach, describe, expect, it, vi } from "vitest";
import { EMBED_HEIGHT_MESSAGE } from "../state/share/embedMessage";
import { reportHeight } from "./heightReport";

/** A document whose height the test sets, in a frame whose parent records what it is sent. */
function framedDocument(framed = true) {
  let height = 321.2;
  const parent = { postMessage: vi.fn() };
  const view: { parent: unknown } = { parent };
  if (!framed) view.parent = view;
  const doc = {
    defaultView: view,
    documentElement: { getBoundingClientRect: () => ({ height }) },
  } as unknown as Document;
  return { doc, parent, setHeight: (h: number) => (height = h) };
}

let resize: () => void = () => {};
const disconnect = vi.fn();
vi.stubGlobal(
  "ResizeObserver",
  class {
    constructor(callback: () => void) {
      resize = callback;
    }
    observe() {}
    disconnect = disconnect;
  },
);
afterEach(() => disconnect.mockClear());

describe("reportHeight", () => {
  it("posts the height, rounded up, to the parent with any origin, and again only when it changes", () => {
    const { doc, parent, setHeight } = framedDocument();
    const stop = reportHeight("attention", doc);
    expect(parent.postMessage).toHaveBeenLastCalledWith(
      { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "attention", height: 322 },
      "*",
    );
    resize();
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    setHeight(640);
    resize();
    expect(parent.postMessage).toHaveBeenLastCalledWith(expect.objectContaining({ height: 640 }), "*");
    stop();
    expect(disconnect).toHaveBeenCalled();
  });

  it("sends nothing when the page is not in a frame", () => {
    const { doc, parent } = framedDocument(false);
    reportHeight("attention", doc)();
    expect(parent.postMessage).not.toHaveBeenCalled();
  });
});
