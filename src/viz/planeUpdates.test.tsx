import { afterEach, describe, expect, it } from "vitest";
import { fromRows, type Matrix, matrix } from "../core/matrix";
import { drawPlane, type PlaneData } from "./plane";

/** The plane's updates cost what changed: these fail if unchanged nodes are written again. */

const tokens = ["the", "cat", "sat"];
const points = fromRows([
  [0.5, 0.5],
  [-1, 0.2],
  [0, -1],
]);
const q = fromRows([
  [0.3, 0],
  [0, 0.3],
  [0.2, 0.2],
]);
const values = fromRows([
  [1, 0],
  [0, 1],
  [-1, -1],
]);
const outputs = fromRows([
  [0.2, 0.3],
  [0.1, 0.6],
  [0, 0],
]);
/** Fresh wrapper objects and weights each call, as a widget builds them, around the same matrices. */
const full = (o: Matrix = outputs, p: Matrix = points): PlaneData => ({
  tokens,
  points: p,
  arrows: { q, k: q, v: undefined },
  outputs: o,
  mixing: { row: 1, weights: [0.2, 0.7, 0.1], values },
});
const moved = (m: Matrix, i: number, x: number, y: number) => {
  const copy = matrix(m.rows, m.cols, m.data);
  copy.data[i * 2] = x;
  copy.data[i * 2 + 1] = y;
  return copy;
};

function mount(): HTMLElement {
  const el = document.createElement("div");
  document.body.appendChild(el);
  return el;
}
afterEach(() => {
  document.body.innerHTML = "";
});

/** Runs `act` and returns its DOM mutations as "what:node.attribute" plus the mutated nodes. */
function mutations(el: HTMLElement, act: () => void): { changes: string[]; targets: Node[] } {
  const observer = new MutationObserver(() => {});
  observer.observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
  act();
  const records = observer.takeRecords();
  observer.disconnect();
  const name = (n: Node) => {
    const e = n as Element;
    return `${n.nodeName}${e.classList?.[0] ? `.${e.classList[0]}` : ""}`;
  };
  return {
    changes: records.map((r) => `${r.type}:${name(r.target)}${r.attributeName ? `@${r.attributeName}` : ""}`),
    targets: records.map((r) => r.target),
  };
}
const token = (el: HTMLElement, i: number) => el.querySelector(`.dw-token[data-index="${i}"]`) as SVGGElement;
const pointer = (type: string, x: number, y: number) =>
  new PointerEvent(type, { clientX: x, clientY: y, pointerId: 3, pointerType: "touch", bubbles: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("drawPlane updates", () => {
  it("writes nothing for an update with the same data, even in fresh wrapper objects", () => {
    const el = mount();
    const plane = drawPlane(el, full(), { selected: 1 });
    const { changes } = mutations(el, () => {
      plane.update(full(), { selected: 1, onDrag: () => {} });
      plane.update({ ...full(), points: matrix(3, 2, points.data) }); // equal values, new matrix
    });
    expect(changes).toEqual([]);
  });

  it("an update of the outputs moves the diamonds and the mixing lines' start, and no token", () => {
    const el = mount();
    const plane = drawPlane(el, full());
    const next = moved(outputs, 1, 0.4, -0.2);
    const { changes } = mutations(el, () => plane.update(full(next)));
    // Diamond 1 and the lines from output 1 move; names follow at once (the update is isolated).
    expect(new Set(changes)).toEqual(
      new Set([
        "attributes:path.dw-output@transform",
        "attributes:path.dw-output@aria-label",
        "attributes:line.dw-mixing-line@x1",
        "attributes:line.dw-mixing-line@y1",
      ]),
    );
    expect(changes.filter((c) => c.endsWith("dw-output@transform"))).toHaveLength(1);
    expect(el.querySelector(".dw-output[data-index='1']")?.getAttribute("aria-label")).toBe(
      "attention output for cat at (0.40, -0.20)",
    );
  });

  it("a drag move rewrites only the dragged token and its arrows; names follow when it ends", async () => {
    const el = mount();
    drawPlane(el, full());
    await settle();
    const cat = token(el, 1);
    const catArrows = Array.from(el.querySelectorAll(".dw-arrow-set path[data-index='1']"));
    cat.dispatchEvent(pointer("pointerdown", 100, 100));
    for (let k = 1; k <= 3; k++) cat.dispatchEvent(pointer("pointermove", 100 + k, 100)); // a burst
    const { targets } = mutations(el, () => cat.dispatchEvent(pointer("pointermove", 120, 90)));
    expect(targets.length).toBeGreaterThan(0);
    const allowed = [cat, ...catArrows];
    expect(targets.filter((t) => !allowed.includes(t as Element))).toEqual([]);
    expect(catArrows.every((path) => targets.includes(path))).toBe(true);
    // The dragged token's own value stays current for screen readers; the <desc> waits.
    const where = cat.getAttribute("aria-valuetext") ?? "";
    expect(cat.getAttribute("aria-label")).toBe(`token cat at ${where}; arrow keys move it`);
    expect(where).not.toBe("(-1.00, 0.20)");
    expect(el.querySelector("desc")?.textContent).not.toContain(`cat at ${where}`);
    cat.dispatchEvent(pointer("pointerup", 120, 90));
    expect(el.querySelector("desc")?.textContent).toContain(`cat at ${where}`);
  });

  it("defers other names during a burst of updates, keeping the focused token's value current", async () => {
    const el = mount();
    const plane = drawPlane(el, full());
    token(el, 2).focus();
    let last = full();
    for (let k = 1; k <= 5; k++) {
      last = full(moved(outputs, 0, 0.1 * k, 0), moved(points, 2, 0.1 * k, -1));
      plane.update(last);
    }
    // Burst: positions are current, the output's name and the <desc> are not yet...
    expect(token(el, 2).getAttribute("aria-valuetext")).toBe("(0.50, -1.00)");
    expect(el.querySelector(".dw-output[data-index='0']")?.getAttribute("aria-label")).not.toContain("0.50");
    expect(el.querySelector("desc")?.textContent).not.toContain("sat at (0.50, -1.00)");
    await settle();
    // ...and are once it settles.
    expect(el.querySelector(".dw-output[data-index='0']")?.getAttribute("aria-label")).toBe(
      "attention output for the at (0.50, 0.00)",
    );
    expect(el.querySelector("desc")?.textContent).toContain("sat at (0.50, -1.00)");
    expect(mutations(el, () => plane.update(last)).changes).toEqual([]);
  });

  it("sets static attributes once: a changed selection writes only selection state", () => {
    const el = mount();
    const plane = drawPlane(el, full(), { selected: 0 });
    const { changes } = mutations(el, () => plane.update(full(), { selected: 2 }));
    expect(new Set(changes)).toEqual(
      new Set([
        "attributes:g.dw-token@class",
        "attributes:g.dw-token@aria-current",
        "attributes:circle.dw-token-ring@stroke",
      ]),
    );
    expect(token(el, 2).classList.contains("dw-selected")).toBe(true);
    expect(token(el, 0).hasAttribute("aria-current")).toBe(false);
  });
});
