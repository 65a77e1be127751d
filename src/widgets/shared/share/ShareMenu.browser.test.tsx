import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { createCoreEngine } from "../../../../tests/support/coreEngine";
import { type FigureElement, panelVersion, settled } from "../../../../tests/support/figures";
import { attention } from "../../../core/attention";
import { fromRows } from "../../../core/matrix";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../../state/share/shareHost";
import { AttentionExplorer } from "../../AttentionExplorer/AttentionExplorer";
import type { AttentionFigureValue } from "../../AttentionExplorer/figureValue";
import { EngineProvider } from "../EngineContext";
import "../../../essay/theme.css";
import "../../../viz/palette.css";
import "../../../viz/viz.css";

const HOSTILE = "the <img src=x onerror=alert(1)> cat";
const host: ShareHost = {
  initialState: () => undefined,
  stateChanged: () => {},
  links: linksFrom("https://essay.example/dw/", (id) => `section-${id}`),
};

function explorer(id: string) {
  return (
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <AttentionExplorer id={id} initialText={HOSTILE} />
      </EngineProvider>
    </ShareHostProvider>
  );
}

/** Every file the menu saves, instead of saving it. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let pending: Blob | null = null;
  const createObjectURL = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    pending = blob as Blob;
    return createObjectURL(blob);
  });
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ name: this.download, blob: pending });
    pending = null;
  });
  return files;
}

const within = (scope: ParentNode, selector: string) => scope.querySelector(selector) as HTMLElement;
const button = (scope: ParentNode, name: string) =>
  Array.from(scope.querySelectorAll("button")).find((b) => b.textContent === name) as HTMLButtonElement;

async function saved(files: { name: string; blob: Blob }[], scope: ParentNode, name: string) {
  const count = files.length;
  button(scope, name).click();
  await expect.poll(() => files.length, { timeout: 20_000 }).toBe(count + 1);
  return files[count];
}

describe("the share menu's exports, in Chromium", () => {
  beforeEach(() => cleanup());
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
  });

  it("exports an SVG, a 2× PNG, JSON and CSV of the figure on screen, token text kept as text", async () => {
    const files = captureDownloads();
    render(explorer("exported"));
    const root = document.getElementById("exported") as FigureElement<AttentionFigureValue>;
    const value = await settled(root, panelVersion("weights"), (v) => v.weights !== null);
    expect(root.querySelector("img")).toBeNull();
    button(root, "Share").click();
    await expect.poll(() => button(root, "Download SVG")).toBeTruthy();

    // (a) The SVG: well-formed, sized, with the heatmap's labels as text and nothing that runs.
    const svgFile = await saved(files, root, "Download SVG");
    expect(svgFile.name).toBe("dynamic-weights-attention.svg");
    const svgText = await svgFile.blob.text();
    const svg = new DOMParser().parseFromString(svgText, "image/svg+xml");
    expect(svg.getElementsByTagName("parsererror")).toHaveLength(0);
    const top = svg.documentElement;
    expect(top.namespaceURI).toBe("http://www.w3.org/2000/svg");
    const width = Number(top.getAttribute("width"));
    const height = Number(top.getAttribute("height"));
    expect(width).toBeGreaterThan(100);
    expect(height).toBeGreaterThan(100);
    for (const tag of ["img", "script", "foreignObject", "iframe"]) {
      expect(svg.getElementsByTagNameNS("*", tag)).toHaveLength(0);
    }
    expect(svgText).not.toMatch(/<(img|script)/i);
    expect(svgText).toContain("&lt;");
    expect(svgText).not.toMatch(/var\(|light-dark\(|\sclass=|\son\w+=/);
    const exportedTexts = new Set(Array.from(svg.getElementsByTagNameNS("*", "text"), (t) => t.textContent));
    const heatmapLabels = Array.from(
      root.querySelectorAll('[data-kind="weights"] svg text'),
      (t) => t.textContent ?? "",
    ).filter((label) => label.trim() !== "");
    expect(heatmapLabels).toContain("<");
    for (const label of heatmapLabels) expect(exportedTexts).toContain(label);
    expect(exportedTexts).toContain("Self-attention explorer");

    // (b) The PNG: exactly twice the SVG's size, and not blank.
    const pngFile = await saved(files, root, "Download PNG");
    expect(pngFile.name).toBe("dynamic-weights-attention.png");
    expect(pngFile.blob.type).toBe("image/png");
    const bitmap = await createImageBitmap(pngFile.blob);
    expect([bitmap.width, bitmap.height]).toEqual([2 * width, 2 * height]);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let k = 0; k < pixels.length; k += 4 * 97)
      colours.add((pixels[k] << 16) | (pixels[k + 1] << 8) | pixels[k + 2]);
    expect(colours.size).toBeGreaterThan(20); // heatmap colours, not one flat fill

    // (c) The JSON: the figure's value exactly, and the engine's numbers recomputed from its inputs.
    const jsonFile = await saved(files, root, "Download JSON");
    const json = JSON.parse(await jsonFile.blob.text());
    expect(json.value).toEqual(JSON.parse(JSON.stringify(root.value)));
    expect(json.value.weights).toEqual(root.value.weights);
    expect(json.value.tokens).toEqual(value.tokens);
    expect(value.tokens).toContain("<");
    const v = json.value as AttentionFigureValue;
    const reference = attention({
      x: fromRows(v.points),
      wq: fromRows(v.wq),
      wk: fromRows(v.wk),
      wv: fromRows(v.wv),
      causal: v.causal,
      temperature: v.temperature,
      normalisation: v.normalisation,
      scale: v.scale,
      maskedKeys: v.maskedKeys,
    });
    const close = (rows: number[][] | null, expected: Float64Array | Float32Array) => {
      expect(rows?.flat()).toHaveLength(expected.length);
      for (const [k, x] of (rows?.flat() ?? []).entries()) {
        expect(Math.abs(x - expected[k])).toBeLessThanOrEqual(1e-5);
      }
    };
    close(v.weights, reference.weights.data);
    close(v.scores, reference.scores.data);
    expect(v.weights).toEqual(value.weights);

    // (d) The weights as CSV: a header row and one row per token.
    const n = value.tokens.length;
    const csvFile = await saved(files, root, `Download weights (${n} × ${n}) as CSV`);
    expect(csvFile.name).toBe("dynamic-weights-attention-weights.csv");
    const rows = (await csvFile.blob.text()).split("\r\n").filter((row) => row !== "");
    expect(rows).toHaveLength(n + 1);
    expect(rows[0]).toBe(`,${value.tokens.map((t) => (t.startsWith("=") ? `'${t}` : t)).join(",")}`);
    expect(rows[1].split(",").slice(1).map(Number)).toEqual(v.weights?.[0]);
  });

  it("works inside a closed shadow root at 360 px: fits, Escape returns focus, a press outside closes it", async () => {
    const host = document.createElement("div");
    const outside = document.createElement("button");
    outside.textContent = "Elsewhere";
    document.body.append(outside, host);
    const shadow = host.attachShadow({ mode: "closed" });
    // The page's styles, copied in as a custom element's bundle would carry its own.
    for (const style of document.querySelectorAll("style")) shadow.appendChild(style.cloneNode(true));
    const container = document.createElement("div");
    container.style.width = "360px";
    shadow.appendChild(container);
    render(explorer("shadowed"), { container });
    const root = container.querySelector("#shadowed") as HTMLElement;
    const toggle = button(root, "Share");

    // A closed root hides its nodes from the test's locators: press as the browser would dispatch.
    const press = async (target: Element) => {
      target.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
      (target as HTMLElement).click();
      await new Promise((r) => requestAnimationFrame(r));
    };
    await press(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await press(within(root, ".dw-share-panel textarea"));
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const right = container.getBoundingClientRect().right;
    for (const control of root.querySelectorAll(".dw-share-panel button, .dw-share-panel textarea")) {
      expect(control.getBoundingClientRect().right).toBeLessThanOrEqual(right + 0.5);
    }

    button(root, "Copy BibTeX").focus();
    await userEvent.keyboard("{Escape}");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(shadow.activeElement).toBe(toggle);

    await press(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await press(outside);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    host.remove();
    outside.remove();
  });
});
