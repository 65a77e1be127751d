import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { nextResult as nextResultOf } from "../../../tests/support/figures";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import type { TwoMeaningsFigureValue } from "./figureValue";
import { TwoMeanings } from "./TwoMeanings";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: TwoMeaningsFigureValue };

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

/** Resolves with the figure's value once a result newer than `after` has landed. */
const nextResult = (root: FigureElement, after: number) =>
  nextResultOf(root, after, () => root.value.resultVersion);

function mount(id: string, count: number) {
  render(
    <EngineProvider value={engine}>
      <TwoMeanings id={id} seed={11} count={count} tokensPerInput={5} />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

function expectMatchesCore(value: TwoMeaningsFigureValue, tolerance: number) {
  for (const input of value.inputs) {
    const reference = attention({
      x: fromRows(input.points),
      wq: fromRows(value.wq),
      wk: fromRows(value.wk),
      wv: fromRows(value.wv),
    });
    const flat = input.weights?.flat() ?? [];
    expect(flat).toHaveLength(reference.weights.data.length);
    flat.forEach((w, k) => {
      expect(Math.abs(w - reference.weights.data[k]), `${input.tokens.join(" ")} [${k}]`).toBeLessThanOrEqual(
        tolerance,
      );
    });
  }
}

describe("TwoMeanings in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("computes every input's A on webgpu within 1e-3 of core, with parameters identical across inputs", async () => {
    const root = mount("gpu", 8);
    const value = await nextResult(root, 0);
    expect(engine.info()?.name).toBe("webgpu");
    expect(root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("webgpu");
    expect(value.inputs).toHaveLength(8);
    expectMatchesCore(value, 1e-3);
    expect(value.parameterDifference).toBe(0);
    expect(value.weightDifference).toBeGreaterThan(0.01);
  });

  it("leaves tf.memory().numTensors at its baseline after many seed changes", async () => {
    const root = mount("leaks", 5);
    let value = await nextResult(root, 0);
    const baseline = await engine.numTensors();
    const button = root.querySelector<HTMLButtonElement>(".dw-two-seed button") as HTMLButtonElement;
    for (let i = 0; i < 20; i++) await userEvent.click(button);
    // Wait for the batch of the last seed (latest wins: intermediate ones may be dropped).
    value = root.value;
    while (value.seed !== 31 || value.inputs[0].weights === null)
      value = await nextResult(root, value.resultVersion);
    expectMatchesCore(value, 1e-3);
    expect(await engine.numTensors()).toBe(baseline);
  });
});
