import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionExplorer } from "./AttentionExplorer";
import type { AttentionFigureValue } from "./figureValue";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: AttentionFigureValue };

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

function mount(id: string, text: string) {
  render(
    <EngineProvider value={engine}>
      <AttentionExplorer id={id} initialText={text} stepByStep />
    </EngineProvider>,
  );
  return document.getElementById(id) as FigureElement;
}

/** The figure's value once a result satisfying `check` is on screen. */
async function landed(root: FigureElement, check: (v: AttentionFigureValue) => boolean) {
  await expect.poll(() => root.value.weights !== null && check(root.value), { timeout: 60_000 }).toBe(true);
  return root.value;
}

const sums = (rows: number[][]) => rows.map((r) => r.reduce((s, w) => s + w, 0));
const columnSums = (rows: number[][]) => sums(rows[0].map((_, j) => rows.map((r) => r[j])));

function expectMatchesCore(value: AttentionFigureValue, tolerance: number) {
  const reference = attention({
    x: fromRows(value.points),
    wq: fromRows(value.wq),
    wk: fromRows(value.wk),
    wv: fromRows(value.wv),
    causal: value.causal,
    temperature: value.temperature,
    normalisation: value.normalisation,
    scale: value.scale,
    maskedKeys: value.maskedKeys,
  });
  (value.weights ?? []).flat().forEach((w, k) => {
    expect(Math.abs(w - reference.weights.data[k])).toBeLessThanOrEqual(tolerance);
  });
  (value.out ?? []).flat().forEach((o, k) => {
    expect(Math.abs(o - reference.out.data[k])).toBeLessThanOrEqual(tolerance);
  });
}

describe("AttentionExplorer step by step, in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("the column toggle makes the columns sum to 1 and the rows not, matching core", async () => {
    const root = mount("columns", "the cat sat on the mat");
    await landed(root, (v) => v.normalisation === "rows");
    expect(engine.info()?.name).toBe("webgpu");
    await userEvent.click(root.querySelector('input[value="columns"]') as HTMLInputElement);
    const value = await landed(
      root,
      (v) =>
        v.normalisation === "columns" && columnSums(v.weights ?? []).every((s) => Math.abs(s - 1) < 1e-3),
    );
    expect(sums(value.weights ?? []).some((s) => Math.abs(s - 1) > 0.01)).toBe(true);
    expectMatchesCore(value, 1e-3);
    await expect
      .poll(() => root.querySelector('[data-readout="sums"]')?.textContent)
      .toMatch(/Column sums: all 1\.00\.$/);
  });

  it("causal mask and a hidden key zero the upper triangle and the key's column; all hidden gives zeros, not NaN", async () => {
    const root = mount("masks", "one two three four five");
    await landed(root, () => true);
    await userEvent.click(root.querySelector(".dw-view-controls input[type=checkbox]") as HTMLInputElement);
    await userEvent.click(root.querySelector('input[aria-label^="Hide “three”"]') as HTMLInputElement);
    const value = await landed(
      root,
      (v) => v.causal && v.maskedKeys[2] && v.weights?.[3][2] === 0 && v.weights?.[0][1] === 0,
    );
    (value.weights ?? []).forEach((row, i) => {
      row.forEach((w, j) => {
        if (j > i || j === 2) expect(w).toBe(0);
      });
    });
    expectMatchesCore(value, 1e-3);

    // Hide "one" as well: the first token then has no key left at all.
    await userEvent.click(root.querySelector('input[aria-label^="Hide “one”"]') as HTMLInputElement);
    const none = await landed(root, (v) => v.maskedKeys[0] && v.weights?.[1][0] === 0);
    expect(none.weights?.[0]).toEqual([0, 0, 0, 0, 0]);
    expect((none.weights ?? []).flat().every(Number.isFinite)).toBe(true);
    expect((none.out ?? []).flat().every(Number.isFinite)).toBe(true);
    expectMatchesCore(none, 1e-3);
  });
});
