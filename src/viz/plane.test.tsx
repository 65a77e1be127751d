import { afterEach, describe, expect, it, vi } from "vitest";
import { fromRows } from "../core/matrix";
import { drawPlane, type PlaneData } from "./plane";

const tokens = ["the", "cat", "sat"];
const points = fromRows([
  [0.5, 0.5],
  [-1, 0.2],
  [0, -1],
]);
const base: PlaneData = { tokens, points };

// Default plane: size 400, margin 24, domain [-1.5, 1.5] → x px = 24 + (x + 1.5) / 3 * 364,
// y px = 376 - (y + 1.5) / 3 * 364. The SVG is mocked to sit at (10, 20) at 1:1 scale.
const px = (x: number) => 24 + ((x + 1.5) / 3) * 364;
const py = (y: number) => 376 - ((y + 1.5) / 3) * 364;
const client = (x: number, y: number) => ({ clientX: 10 + px(x), clientY: 20 + py(y) });

function mount(): HTMLElement {
  const el = document.createElement("div");
  document.body.appendChild(el);
  return el;
}
function placeSvg(el: HTMLElement): void {
  const svg = el.querySelector("svg") as SVGSVGElement;
  svg.getBoundingClientRect = () =>
    ({ left: 10, top: 20, width: 400, height: 400, right: 410, bottom: 420, x: 10, y: 20 }) as DOMRect;
}
/** Where a token is drawn, in px, read back from its transform. */
const drawnAt = (node: Element) => (node.getAttribute("transform")?.match(/-?[\d.]+/g) ?? []).map(Number);
const expectAt = (node: Element, x: number, y: number) => {
  const [dx, dy] = drawnAt(node);
  expect(dx).toBeCloseTo(px(x), 1);
  expect(dy).toBeCloseTo(py(y), 1);
};
const token = (el: HTMLElement, i: number) => el.querySelector(`.dw-token[data-index="${i}"]`) as SVGGElement;
const pointer = (type: string, at: { clientX: number; clientY: number }) =>
  new PointerEvent(type, { ...at, pointerId: 7, pointerType: "touch", bubbles: true, cancelable: true });
const key = (k: string, shiftKey = false) =>
  new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true });

afterEach(() => {
  document.body.innerHTML = "";
});

describe("drawPlane", () => {
  it("renders one focusable, named point per token with a text label", () => {
    const el = mount();
    drawPlane(el, base);
    const nodes = el.querySelectorAll(".dw-token");
    expect(nodes).toHaveLength(3);
    const cat = token(el, 1);
    expect(cat.getAttribute("tabindex")).toBe("0");
    expect(cat.getAttribute("role")).toBe("slider");
    expect(cat.getAttribute("aria-label")).toBe("token cat at (-1.00, 0.20); arrow keys move it");
    expect(cat.getAttribute("aria-valuetext")).toBe("(-1.00, 0.20)");
    expect(cat.querySelector("text")?.textContent).toBe("cat");
    expectAt(cat, -1, 0.2);
    expect(el.querySelector("desc")?.textContent).toContain("3 tokens: the at (0.50, 0.50)");
  });

  it("renders reader tokens as text, never as HTML", () => {
    const el = mount();
    const evil = "<img src=x onerror=alert(1)>";
    drawPlane(el, { tokens: [evil], points: fromRows([[0, 0]]) });
    expect(el.querySelector("img")).toBeNull();
    expect(token(el, 0).getAttribute("aria-label")).toContain(evil);
  });

  it("drags a point with pointer events, converting client to data coordinates", () => {
    const el = mount();
    const onDrag = vi.fn();
    const plane = drawPlane(el, base, { onDrag });
    placeSvg(el);
    const the = token(el, 0);
    the.dispatchEvent(pointer("pointerdown", client(0.5, 0.5)));
    expect(onDrag).toHaveBeenLastCalledWith(0, [0.5, 0.5], "start");
    the.dispatchEvent(pointer("pointermove", client(1, -0.25)));
    const [index, xy, phase] = onDrag.mock.lastCall ?? [];
    expect([index, phase]).toEqual([0, "move"]);
    expect(xy[0]).toBeCloseTo(1, 9);
    expect(xy[1]).toBeCloseTo(-0.25, 9);
    // Repositioned at once, before the caller answers.
    expectAt(the, 1, -0.25);
    // A stale update mid-drag must not pull the point back.
    plane.update(base);
    expectAt(the, 1, -0.25);
    the.dispatchEvent(pointer("pointerup", client(1, -0.25)));
    expect(onDrag.mock.lastCall?.[2]).toBe("end");
    expect(onDrag).toHaveBeenCalledTimes(3);
  });

  it("keeps the grab offset so the point does not jump to the finger", () => {
    const el = mount();
    const onDrag = vi.fn();
    drawPlane(el, base, { onDrag });
    placeSvg(el);
    const the = token(el, 0);
    the.dispatchEvent(pointer("pointerdown", client(0.6, 0.5))); // grabbed 0.1 right of centre
    the.dispatchEvent(pointer("pointermove", client(0.6, 0)));
    const xy = onDrag.mock.lastCall?.[1];
    expect(xy[0]).toBeCloseTo(0.5, 9);
    expect(xy[1]).toBeCloseTo(0, 9);
  });

  it("drops the override once the caller applies the move, then follows the caller again", () => {
    const el = mount();
    const plane = drawPlane(el, base);
    const cat = token(el, 1);
    cat.dispatchEvent(key("ArrowRight"));
    expectAt(cat, -0.95, 0.2);
    plane.update(base); // stale: still the pre-move position
    expectAt(cat, -0.95, 0.2);
    plane.update({
      tokens,
      points: fromRows([
        [0.5, 0.5],
        [-0.95, 0.2],
        [0, -1],
      ]),
    });
    plane.update({
      tokens,
      points: fromRows([
        [0.5, 0.5],
        [0, 0],
        [0, -1],
      ]),
    }); // e.g. a reset
    expectAt(cat, 0, 0);
  });

  it("moves the focused point by step with arrow keys, 5× with Shift", () => {
    const el = mount();
    const onDrag = vi.fn();
    drawPlane(el, base, { onDrag, step: 0.1 });
    const sat = token(el, 2);
    sat.dispatchEvent(key("ArrowUp"));
    expect(onDrag.mock.calls.map((c) => c[2])).toEqual(["move", "end"]);
    expect(onDrag.mock.lastCall?.[1][0]).toBeCloseTo(0, 9);
    expect(onDrag.mock.lastCall?.[1][1]).toBeCloseTo(-0.9, 9);
    sat.dispatchEvent(key("ArrowLeft", true));
    expect(onDrag.mock.lastCall?.[1][0]).toBeCloseTo(-0.5, 9);
    expect(onDrag.mock.lastCall?.[1][1]).toBeCloseTo(-0.9, 9);
    expect(sat.getAttribute("aria-valuetext")).toBe("(-0.50, -0.90)");
  });

  it("calls onSelect on focus and marks the selected token", () => {
    const el = mount();
    const onSelect = vi.fn();
    const plane = drawPlane(el, base, { onSelect, selected: 1 });
    expect(token(el, 1).getAttribute("aria-current")).toBe("true");
    token(el, 2).focus();
    expect(onSelect).toHaveBeenLastCalledWith(2);
    plane.update(base, { selected: 2 });
    expect(token(el, 1).hasAttribute("aria-current")).toBe(false);
    expect(token(el, 2).classList.contains("dw-selected")).toBe(true);
  });

  it("draws mixing lines whose opacity and width follow the weights", () => {
    const el = mount();
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
    drawPlane(el, { ...base, outputs, mixing: { row: 1, weights: [0.2, 0.7, 0.1], values } });
    const lines = Array.from(el.querySelectorAll("line.dw-mixing-line"));
    expect(lines).toHaveLength(3);
    const opacity = lines.map((l) => Number(l.getAttribute("stroke-opacity")));
    const width = lines.map((l) => Number(l.getAttribute("stroke-width")));
    expect(opacity).toEqual([0.2, 0.7, 0.1]);
    expect(width[1]).toBeGreaterThan(width[0]);
    expect(width[0]).toBeGreaterThan(width[2]);
    // Every line starts at output 1.
    expect(lines.every((l) => Number(l.getAttribute("x1")) === px(0.1))).toBe(true);
    expect(el.querySelectorAll(".dw-output")).toHaveLength(3);
    expect(el.querySelector(".dw-output[data-index='1']")?.getAttribute("aria-label")).toBe(
      "attention output for cat at (0.10, 0.60)",
    );
  });

  it("draws q/k/v arrows from each token in role colours, with a legend", () => {
    const el = mount();
    const q = fromRows([
      [0.3, 0],
      [0, 0.3],
      [0.2, 0.2],
    ]);
    drawPlane(el, { ...base, arrows: { q, k: q } });
    expect(el.querySelectorAll(".dw-arrows-q path")).toHaveLength(3);
    expect(el.querySelectorAll(".dw-arrows-k path")).toHaveLength(3);
    expect(el.querySelector(".dw-arrows-v")).toBeNull();
    expect((el.querySelector(".dw-arrows-q") as SVGGElement).style.stroke).toContain("--dw-q");
    // The first arrow starts at token 0.
    expect(el.querySelector(".dw-arrows-q path")?.getAttribute("d")).toMatch(
      new RegExp(`^M${px(0.5).toFixed(2)},${py(0.5).toFixed(2)}L`),
    );
    const legend = Array.from(el.querySelectorAll(".dw-legend text")).map((t) => t.textContent);
    expect(legend).toEqual(["token", "query", "key"]);
  });

  it("adds and removes points when the number of tokens changes", () => {
    const el = mount();
    const plane = drawPlane(el, base);
    plane.update({
      tokens: ["a", "b", "c", "d"],
      points: fromRows([
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
    });
    expect(el.querySelectorAll(".dw-token")).toHaveLength(4);
    expect(token(el, 3).getAttribute("aria-label")).toContain("token d at (1.00, 1.00)");
    plane.update({ tokens: ["a"], points: fromRows([[0, 0]]) });
    expect(el.querySelectorAll(".dw-token")).toHaveLength(1);
  });

  it("expands its domain to fit far points", () => {
    const el = mount();
    drawPlane(el, { tokens: ["far"], points: fromRows([[3, 0]]) });
    expect(token(el, 0).getAttribute("aria-valuemax")).toBe("3.5");
    const [x] = drawnAt(token(el, 0));
    expect(x).toBeLessThanOrEqual(400);
  });
});
