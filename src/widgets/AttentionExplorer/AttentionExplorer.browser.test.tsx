import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands, userEvent } from "vitest/browser";
import {
  type FigureElement as FigureOf,
  nextResult as nextResultOf,
  panelVersion,
  settled as settledOf,
} from "../../../tests/support/figures";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionExplorer } from "./AttentionExplorer";
import type { AttentionFigureValue } from "./figureValue";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = FigureOf<AttentionFigureValue>;

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

const resultVersion = panelVersion("weights");
const nextResult = (root: FigureElement, after: number) => nextResultOf(root, after, resultVersion);
const settled = (root: FigureElement) => settledOf(root, resultVersion);

function mount(id: string, text: string) {
  render(
    <EngineProvider value={engine}>
      <AttentionExplorer id={id} initialText={text} />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

function expectMatchesCore(value: AttentionFigureValue, tolerance: number) {
  const reference = attention({
    x: fromRows(value.points),
    wq: fromRows(value.wq),
    wk: fromRows(value.wk),
    wv: fromRows(value.wv),
    causal: value.causal,
    temperature: value.temperature,
  });
  const weights = value.weights ?? [];
  expect(weights.length).toBe(reference.weights.rows);
  weights.flat().forEach((w, k) => {
    expect(Math.abs(w - reference.weights.data[k])).toBeLessThanOrEqual(tolerance);
  });
}

describe("AttentionExplorer in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("computes on webgpu and matches the core reference within 1e-3", async () => {
    const root = mount("gpu", "the cat sat on the mat");
    const value = await nextResult(root, 0);
    expect(engine.info()?.name).toBe("webgpu");
    expect(root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("webgpu");
    expectMatchesCore(value, 1e-3);
  });

  it("draws each selected output inside the shaded convex hull of the values", async () => {
    const root = mount("hull", "the cat sat on the mat because it was tired");
    await settled(root);
    const svg = root.querySelector(".dw-plane") as SVGSVGElement;
    const hull = root.querySelector("path.dw-hull") as SVGPathElement;
    for (const row of [0, 3, 7]) {
      root.querySelectorAll<SVGGElement>(".dw-plane .dw-token")[row].focus();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      expect(hull.getAttribute("visibility")).toBe("visible");
      const output = root.querySelector(`path.dw-output[data-index="${row}"]`) as SVGPathElement;
      const [x, y] = (output.getAttribute("transform")?.match(/-?[\d.]+/g) ?? []).map(Number);
      const at = svg.createSVGPoint();
      at.x = x;
      at.y = y;
      expect(hull.isPointInFill(at) || hull.isPointInStroke(at)).toBe(true);
    }
  });

  it("a real pointer drag of one token changes its column of the weights; rows still sum to 1", async () => {
    const root = mount("drag", "the cat sat on the mat");
    const before = await nextResult(root, 0);
    const version = resultVersion(root);
    await commands.pointerDrag("#drag .dw-plane .dw-token >> nth=1", 80, -60, 8);
    await nextResult(root, version);
    const after = await settled(root);

    expect(after.points[1]).not.toEqual(before.points[1]);
    expect(after.points.filter((_, i) => i !== 1)).toEqual(before.points.filter((_, i) => i !== 1));
    const columnChange = Math.max(
      ...(after.weights ?? []).map((row, i) => Math.abs(row[1] - (before.weights ?? [])[i][1])),
    );
    expect(columnChange).toBeGreaterThan(0.01);
    for (const row of after.weights ?? []) {
      expect(Math.abs(row.reduce((sum, w) => sum + w, 0) - 1)).toBeLessThan(1e-3);
    }
    expectMatchesCore(after, 1e-3);
  });

  it("an arrow key moves a focused token by one step, Shift by five", async () => {
    const root = mount("keys", "red green blue");
    const start = await nextResult(root, 0);
    const token = root.querySelectorAll<SVGGElement>(".dw-plane .dw-token")[0];
    token.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(root.value.points[0][0]).toBeCloseTo(start.points[0][0] + 0.05, 6);
    await userEvent.keyboard("{Shift>}{ArrowUp}{/Shift}");
    expect(root.value.points[0][1]).toBeCloseTo(start.points[0][1] + 0.25, 6);
  });

  it("leaves tf.memory().numTensors at its baseline after 500 updates", async () => {
    const root = mount("leaks", "one two three four five six seven eight");
    await nextResult(root, 0);
    await settled(root);
    const baseline = await engine.numTensors();
    const token = root.querySelectorAll<SVGGElement>(".dw-plane .dw-token")[2];
    token.focus();
    let landed = 0;
    root.addEventListener("input", () => {
      landed += 1;
    });
    for (let i = 0; i < 500; i++) {
      await userEvent.keyboard(i % 2 === 0 ? "{ArrowLeft}" : "{ArrowRight}");
    }
    await settled(root);
    expect(landed).toBeGreaterThan(10);
    expect(await engine.numTensors()).toBe(baseline);
  });

  // These two change the page's backend, so they run last.
  it("switches backend live from the badge and recomputes the same numbers", async () => {
    const root = mount("switch", "the cat sat on the mat");
    const before = await settled(root);
    const version = resultVersion(root);
    const select = root.querySelector<HTMLSelectElement>(".dw-badge select") as HTMLSelectElement;
    await userEvent.selectOptions(select, "cpu");
    const after = await nextResult(root, version);
    expect(engine.info()?.name).toBe("cpu");
    await expect.poll(() => root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("cpu");
    expect(root.querySelector(".dw-badge output")?.textContent).toMatch(/^CPU/);
    expectMatchesCore(after, 1e-5);
    (after.weights ?? []).flat().forEach((w, k) => {
      expect(Math.abs(w - (before.weights ?? []).flat()[k])).toBeLessThan(1e-3);
    });
  });

  it("falls back without blanking when the GPU device is lost, and keeps computing", async () => {
    await engine.setBackend("webgpu");
    const root = mount("loss", "the cat sat on the mat");
    await settled(root);
    const version = resultVersion(root);
    const info = await engine.simulateDeviceLoss();
    expect(info.name).not.toBe("webgpu");
    expect(info.reason).toMatch(/lost/i);
    // The figure was never emptied: the weights drawn before the loss are still there.
    expect(root.querySelectorAll('[data-kind="weights"] [data-row][data-col]')).toHaveLength(36);
    const after = await nextResult(root, version);
    // The badge is React state; it may commit a moment after the transiently drawn result.
    await expect.poll(() => root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe(info.name);
    expectMatchesCore(after, 1e-3);
    await commands.pointerDrag("#loss .dw-plane .dw-token >> nth=2", 40, 30, 4);
    expectMatchesCore(await settled(root), 1e-3);
  });
});
