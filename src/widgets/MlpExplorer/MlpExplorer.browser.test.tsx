import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands, userEvent } from "vitest/browser";
import {
  type FigureElement as FigureOf,
  nextResult as nextResultOf,
  panelVersion,
  settled as settledOf,
} from "../../../tests/support/figures";
import { fromRows } from "../../core/matrix";
import { mlp } from "../../core/mlp";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import type { MlpFigureValue } from "./figureValue";
import { MlpExplorer } from "./MlpExplorer";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = FigureOf<MlpFigureValue>;

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

const resultVersion = panelVersion("hidden");
const nextResult = (root: FigureElement, after: number) => nextResultOf(root, after, resultVersion);
const settled = (root: FigureElement) => settledOf(root, resultVersion);

function mount(id: string, text: string) {
  render(
    <EngineProvider value={engine}>
      <MlpExplorer id={id} initialText={text} />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

function expectMatchesCore(value: MlpFigureValue, tolerance: number) {
  const reference = mlp({
    x: fromRows(value.points),
    a: fromRows(value.a),
    b: fromRows(value.b),
    activation: value.activation,
  });
  for (const [name, computed] of [
    ["preActivations", value.preActivations],
    ["hidden", value.hidden],
    ["out", value.out],
  ] as const) {
    const flat = computed?.flat() ?? [];
    expect(flat.length, name).toBe(reference[name].data.length);
    flat.forEach((x, k) => {
      expect(Math.abs(x - reference[name].data[k]), `${name}[${k}]`).toBeLessThanOrEqual(tolerance);
    });
  }
}

const maxRowChange = (after: number[][] | null, before: number[][] | null, i: number) =>
  Math.max(...(after?.[i] ?? []).map((x, h) => Math.abs(x - (before?.[i]?.[h] ?? Number.NaN))));

describe("MlpExplorer in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("computes on webgpu and matches the core reference within 1e-3 for every σ", async () => {
    const root = mount("gpu", "the cat sat on the mat");
    expectMatchesCore(await nextResult(root, 0), 1e-3);
    expect(engine.info()?.name).toBe("webgpu");
    expect(root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("webgpu");
    for (const activation of ["tanh", "gelu"]) {
      const version = resultVersion(root);
      await userEvent.selectOptions(
        root.querySelector(".dw-mlp-controls select") as HTMLSelectElement,
        activation,
      );
      const value = await nextResult(root, version);
      expect(value.activation).toBe(activation);
      expectMatchesCore(value, 1e-3);
    }
  });

  it("a real pointer drag changes the dragged token's hidden row and no other row; A and B stay", async () => {
    const root = mount("drag", "the cat sat on the mat");
    const before = await settled(root);
    const version = resultVersion(root);
    await commands.pointerDrag("#drag .dw-plane .dw-token >> nth=1", 80, -60, 8);
    await nextResult(root, version);
    const after = await settled(root);

    expect(after.points[1]).not.toEqual(before.points[1]);
    expect(maxRowChange(after.hidden, before.hidden, 1)).toBeGreaterThan(1e-3);
    for (let i = 0; i < after.tokens.length; i++) {
      if (i !== 1) expect(after.hidden?.[i], `row ${i}`).toEqual(before.hidden?.[i]);
    }
    expect(after.a).toEqual(before.a);
    expect(after.b).toEqual(before.b);
    expect(after.counts.parameters).toBe(0);
    expect(after.counts.activations).toBeGreaterThan(0);
    expect(root.querySelector('[data-counter="parameters"]')?.textContent).toMatch(/parameters changed: 0\b/);
    expectMatchesCore(after, 1e-3);
  });

  it("leaves tf.memory().numTensors at its baseline after many updates", async () => {
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
    for (let i = 0; i < 200; i++) {
      await userEvent.keyboard(i % 2 === 0 ? "{ArrowLeft}" : "{ArrowRight}");
    }
    await settled(root);
    expect(landed).toBeGreaterThan(10);
    expect(await engine.numTensors()).toBe(baseline);
    expect(root.value.counts.parameters).toBe(0);
  });
});
