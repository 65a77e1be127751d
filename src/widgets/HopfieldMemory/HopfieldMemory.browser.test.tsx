import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { panelVersion, settled } from "../../../tests/support/figures";
import { glyphPatterns, glyphPixels } from "../../core/glyphs";
import { hopfieldRetrieve } from "../../core/hopfield";
import { matrix } from "../../core/matrix";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import type { HopfieldMemoryFigureValue } from "./figureValue";
import { HopfieldMemory } from "./HopfieldMemory";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: HopfieldMemoryFigureValue };

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

function mount(id: string, beta: number) {
  render(
    <EngineProvider value={engine}>
      <HopfieldMemory id={id} beta={beta} corruption={10} seed={4} />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

describe("HopfieldMemory in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("retrieves the corrupted H in one step at high β, with core's numbers within 1e-3", async () => {
    const root = mount("gpu-memory", 4);
    const value = await settled(root, panelVersion("energy"), (v) => !v.pending);
    expect(engine.info()?.name).toBe("webgpu");
    expect(root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("webgpu");
    expect(value.flipped).toHaveLength(10);
    await userEvent.click(root.querySelector(".dw-hop-run button") as HTMLButtonElement);
    const after = root.value;
    expect(after.step).toBe(1);
    expect(after.retrieval).toMatchObject({ kind: "retrieved", glyph: "H", matchingPixels: 49 });
    expect(root.querySelector(".dw-hop-retrieval")?.textContent).toMatch(/^Retrieved H/);
    const reference = hopfieldRetrieve({
      patterns: glyphPatterns(["A", "C", "H", "L", "T", "X"]),
      states: matrix(1, 49, after.query),
      beta: after.beta,
      steps: 1,
    });
    (after.state as number[]).forEach((v, j) => {
      expect(Math.abs(v - reference.states[0].data[j])).toBeLessThanOrEqual(1e-3);
    });
    (after.energies as number[]).forEach((e, t) => {
      expect(Math.abs(e - reference.energies.data[t])).toBeLessThanOrEqual(1e-3);
    });
    expect((after.state as number[]).map(Math.sign)).toEqual(glyphPixels("H"));
    expect((after.energies as number[])[1]).toBeLessThan((after.energies as number[])[0]);
  });

  it("leaves numTensors at its baseline after many β changes", async () => {
    const root = mount("gpu-leaks", 0.1);
    let value = await settled(root, panelVersion("energy"), (v) => !v.pending);
    const baseline = await engine.numTensors();
    const slider = root.querySelector<HTMLInputElement>(".dw-hop-beta input") as HTMLInputElement;
    slider.focus();
    for (let i = 0; i < 15; i++) await userEvent.keyboard("{ArrowRight}");
    value = await settled(root, panelVersion("energy"), (v) => !v.pending);
    expect(value.beta).toBeGreaterThan(0.1);
    expect(await engine.numTensors()).toBe(baseline);
  });
});
