// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { type Box, figureParts, figureSvgText } from "./exportSvg";

const SVG_NS = "http://www.w3.org/2000/svg";

/** A figure laid out by hand (jsdom has no layout): each element's box from its data-box. */
const boxOf = (element: Element): Box => {
  const [left, top, width, height] = (element.getAttribute("data-box") ?? "0 0 0 0").split(" ").map(Number);
  return { left, top, width, height };
};

function figure(): HTMLElement {
  const root = document.createElement("div");
  root.setAttribute("data-box", "100 50 600 400");
  root.innerHTML = `
    <div class="dw-share-bar"><svg data-box="600 50 30 30"><text>menu icon</text></svg></div>
    <p class="dw-panel-title" data-box="110 60 80 20">Weights</p>
    <svg data-box="110 80 200 100" viewBox="0 0 400 200" class="dw-heatmap" style="fill: var(--dw-ink)">
      <title>Attention weights</title>
      <script>alert(1)</script>
      <foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" /></div></foreignObject>
      <a href="javascript:alert(1)"><text>link</text></a>
      <g onclick="alert(1)" aria-label="row" data-row="0" tabindex="0">
        <text class="dw-label" fill="var(--dw-ink)">x</text>
        <rect width="10" height="10"><title>row the, column cat: 0.5</title></rect>
      </g>
      <image href="https://tracker.example/pixel.png" width="1" height="1" />
    </svg>
    <button><svg data-box="400 300 40 40"></svg></button>
    <svg data-box="320 80 100 100"></svg>
    <svg data-box="0 0 0 0"></svg>`;
  // Token text is set as text, as the renderers do.
  const label = root.querySelector(".dw-label") as Element;
  label.textContent = "<img src=x onerror=alert(1)>";
  document.body.appendChild(root);
  return root;
}

describe("the exported SVG", () => {
  afterEach(() => document.body.replaceChildren());

  it("takes the drawings and captions, not the share bar's, a button's or a hidden one", () => {
    const root = figure();
    const parts = figureParts(root, boxOf);
    expect(parts.map((p) => p.getAttribute("data-box"))).toEqual([
      "110 60 80 20",
      "110 80 200 100",
      "320 80 100 100",
    ]);
  });

  it("lays the parts out as on screen under a title, sized, with a namespace", () => {
    const { text, width, height } = figureSvgText(figure(), "Self-attention explorer", boxOf);
    // Parts span x 110…420 and y 60…180: 310 × 120, plus a 16 px margin and a 28 px title line.
    expect([width, height]).toEqual([310 + 32, 120 + 28 + 32]);
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const top = doc.documentElement;
    expect(top.namespaceURI).toBe(SVG_NS);
    expect(top.getAttribute("width")).toBe(String(width));
    const nested = Array.from(top.children).filter((c) => c.localName === "svg");
    expect(nested.map((s) => [s.getAttribute("x"), s.getAttribute("y"), s.getAttribute("width")])).toEqual([
      ["16", String(16 + 28 + 20), "200"],
      [String(16 + 210), String(16 + 28 + 20), "100"],
    ]);
    expect(nested[0].getAttribute("viewBox")).toBe("0 0 400 200");
    const texts = Array.from(doc.getElementsByTagNameNS(SVG_NS, "text"), (t) => t.textContent);
    expect(texts).toEqual(["Self-attention explorer", "Weights", "<img src=x onerror=alert(1)>"]);
  });

  it("keeps token text as escaped text and drops everything that could run or leak", () => {
    const { text } = figureSvgText(figure(), "Figure", boxOf);
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(text).not.toMatch(/<(img|script|foreignObject|a)[\s>]/i);
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const attributes = Array.from(doc.getElementsByTagName("*")).flatMap((element) =>
      Array.from(element.attributes, (a) => a.name),
    );
    expect(attributes.filter((name) => /^(on|aria-|data-)|^(class|style|tabindex)$/.test(name))).toEqual([]);
    expect(text).not.toContain("tracker.example");
    expect(text).not.toContain("javascript:");
    expect(text).not.toContain("var(");
    // The figure's title stays; per-cell hover titles are dropped.
    expect(text).toContain("<title>Figure</title>");
    expect(text).not.toContain("row the, column cat");
  });

  it("says so when nothing is drawn", () => {
    const root = document.createElement("div");
    document.body.appendChild(root);
    expect(() => figureSvgText(root, "Empty", boxOf)).toThrow(/nothing drawn/);
  });
});
