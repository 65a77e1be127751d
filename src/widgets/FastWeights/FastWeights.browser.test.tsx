import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { nextResult as nextResultOf, panelVersion, settled } from "../../../tests/support/figures";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import { FastWeights } from "./FastWeights";
import type { FastWeightsFigureValue } from "./figureValue";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: FastWeightsFigureValue };

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

const version = panelVersion("attention");
const nextResult = (root: FigureElement, after: number) => nextResultOf(root, after, version);

function mount(id: string, initialText: string) {
  render(
    <EngineProvider value={engine}>
      <FastWeights id={id} initialText={initialText} />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

describe("FastWeights in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("shows the fast weight read equal to webgpu's causal linear attention within 1e-3 at every step", async () => {
    const root = mount("gpu", "the cat sat on the mat");
    let value = await nextResult(root, 0);
    expect(engine.info()?.name).toBe("webgpu");
    expect(root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("webgpu");
    expect(value.maxDifference).toBeLessThan(1e-3);
    const next = root.querySelector('[aria-label="Next token"]') as HTMLButtonElement;
    for (let t = 1; t < 6; t++) {
      await userEvent.click(next);
      value = root.value;
      expect(value.step).toBe(t);
      expect(value.difference).toBeLessThan(1e-3);
      const shown = Number(root.querySelector('[data-readout="difference"]')?.getAttribute("data-value"));
      expect(shown).toBe(value.difference);
    }
    console.log(
      `webgpu: largest |fast weights − linear attention| = ${value.maxDifference?.toExponential(2)}`,
    );
  });

  it("leaves tf.memory().numTensors at its baseline after many setting changes", async () => {
    const root = mount("leaks", "one two three four five");
    let value = await nextResult(root, 0);
    const baseline = await engine.numTensors();
    const normalise = root.querySelector('input[type="checkbox"]') as HTMLInputElement;
    for (let i = 0; i < 20; i++) await userEvent.click(normalise);
    // Latest wins: wait until the last job has landed and the final setting (normalise off) is drawn.
    value = await settled(root, version, (v) => !v.normalise && v.difference !== null);
    expect(value.maxDifference).toBeLessThan(1e-3);
    expect(await engine.numTensors()).toBe(baseline);
  });
});
