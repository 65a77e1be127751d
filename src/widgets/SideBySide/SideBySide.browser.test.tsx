import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands, userEvent } from "vitest/browser";
import { settled as settledOf } from "../../../tests/support/figures";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { mlp } from "../../core/mlp";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import type { SideBySideFigureValue } from "./figureValue";
import { SideBySide } from "./SideBySide";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: SideBySideFigureValue };

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

function mount(id: string, text = "the cat sat on the mat") {
  render(
    <EngineProvider value={engine}>
      <SideBySide id={id} initialText={text} />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

/** The figure's value once both models computed the points on screen and nothing landed for 400 ms. */
const settled = (root: FigureElement) =>
  settledOf(
    root,
    () => root.value.resultVersion,
    (value) => value.settled,
  );

function expectMatchesCore(value: SideBySideFigureValue, tolerance: number) {
  const x = fromRows(value.points);
  const live = attention({ x, wq: fromRows(value.wq), wk: fromRows(value.wk), wv: fromRows(value.wv) });
  const fixed = mlp({ x, a: fromRows(value.a), b: fromRows(value.b), activation: "relu" });
  for (const [name, computed, reference] of [
    ["attention weights", value.attentionMixing, live.weights.data],
    ["attention out", value.attentionOut, live.out.data],
    ["MLP out", value.mlpOut, fixed.out.data],
  ] as const) {
    const flat = computed?.flat() ?? [];
    expect(flat.length, name).toBe(reference.length);
    flat.forEach((v, k) => {
      expect(Math.abs(v - reference[k]), `${name}[${k}]`).toBeLessThanOrEqual(tolerance);
    });
  }
}

const tokenSelector = (id: string, i: number) => `#${id} .dw-plane .dw-token >> nth=${i}`;

describe("SideBySide in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("computes both models on webgpu, matching the core reference within 1e-3", async () => {
    const root = mount("sbs-gpu");
    const value = await settled(root);
    expect(engine.info()?.name).toBe("webgpu");
    expect(root.querySelector(".dw-badge")?.getAttribute("data-backend")).toBe("webgpu");
    expectMatchesCore(value, 1e-3);
    expect(value.mlpMixing).toEqual(
      value.tokens.map((_, i) => value.tokens.map((_, j) => (i === j ? 1 : 0))),
    );
  });

  it("pick 'the', drag 'cat' with a real pointer: attention's output 'the' moves, the MLP's does not", async () => {
    const root = mount("sbs-drag");
    const before = await settled(root);
    await userEvent.click(root.querySelector('input[type="radio"][aria-label="the 1"]') as HTMLInputElement);
    expect(root.value.selectedOutput).toBe(0);
    await commands.pointerDrag(tokenSelector("sbs-drag", 1), -40, 140, 8);
    const after = await settled(root);

    expect(after.points[1]).not.toEqual(before.points[1]);
    expect(after.selectedOutput).toBe(0);
    expect(after.shift?.attention).toBeGreaterThan(1e-3);
    expect(after.shift?.mlp).toBeLessThanOrEqual(1e-6);
    expect(after.mlpOut?.[0]).toEqual(before.mlpOut?.[0]);
    expect(after.counts.attentionWeights).toBeGreaterThan(0);
    expect(after.counts.mlpParameters).toBe(0);
    expect(after.counts.attentionParameters).toBe(0);
    expect(root.querySelector('[data-readout="shift"]')?.textContent).toContain(
      "MLP output “the” moved by 0.00",
    );
    expectMatchesCore(after, 1e-3);
  });

  it("freeze keeps attention's mixing matrix constant under real pointer drags", async () => {
    const root = mount("sbs-freeze");
    await settled(root);
    await userEvent.click(root.querySelector('.dw-sbs-freeze input[type="checkbox"]') as HTMLInputElement);
    const frozen = await settled(root);
    expect(frozen.frozen).toBe(true);
    await commands.pointerDrag(tokenSelector("sbs-freeze", 1), -40, 140, 8);
    await commands.pointerDrag(tokenSelector("sbs-freeze", 3), 90, 30, 8);
    const after = await settled(root);

    expect(after.points).not.toEqual(frozen.points);
    expect(after.attentionMixing).toEqual(frozen.attentionMixing);
    expect(after.counts.attentionWeights).toBe(0);
    expect(after.attentionOut).not.toEqual(frozen.attentionOut);
    // Unfreezing hands the mixing back to softmax(QKᵀ/√d) of the moved tokens.
    await userEvent.click(root.querySelector('.dw-sbs-freeze input[type="checkbox"]') as HTMLInputElement);
    const live = await settled(root);
    expect(live.attentionMixing).not.toEqual(frozen.attentionMixing);
    expectMatchesCore(live, 1e-3);
  });

  it("leaves tf.memory().numTensors at its baseline, and A and B unchanged, after many updates", async () => {
    const root = mount("sbs-leaks", "one two three four five six seven eight");
    const start = await settled(root);
    const baseline = await engine.numTensors();
    const token = root.querySelectorAll<SVGGElement>(".dw-plane .dw-token")[2];
    token.focus();
    let landed = 0;
    root.addEventListener("input", () => {
      landed += 1;
    });
    for (let i = 0; i < 200; i++) {
      await userEvent.keyboard(i % 2 === 0 ? "{ArrowLeft}" : "{ArrowUp}");
    }
    const after = await settled(root);
    expect(landed).toBeGreaterThan(10);
    expect(await engine.numTensors()).toBe(baseline);
    expect(after.a).toEqual(start.a);
    expect(after.b).toEqual(start.b);
    expect(after.counts.mlpParameters).toBe(0);
    expect(after.counts.attentionParameters).toBe(0);
  });
});
