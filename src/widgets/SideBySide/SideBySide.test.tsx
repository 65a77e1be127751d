import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attention } from "../../core/attention";
import { fromRows, type Matrix } from "../../core/matrix";
import { mlp } from "../../core/mlp";
import { createSideBySideStore } from "../../state/sideBySideStore";
import { EngineProvider } from "../shared/EngineContext";
import type { SideBySideFigureValue } from "./figureValue";
import { SideBySideView } from "./SideBySide";

const SLOW = { timeout: 20_000 };
const SENTENCE = "the cat sat on the mat";

type FigureElement = HTMLElement & { value: SideBySideFigureValue };

function renderWidget(initialText = SENTENCE, id = "sbs") {
  const store = createSideBySideStore({ initialText });
  const view = render(
    <EngineProvider value={createCoreEngine()}>
      <SideBySideView id={id} store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, root };
}

const cellLabels = (root: HTMLElement, kind: string) =>
  Array.from(root.querySelectorAll(`[data-kind="${kind}"] [data-row][data-col]`), (cell) =>
    cell.getAttribute("aria-label"),
  );
const counter = (root: HTMLElement, name: string) =>
  root.querySelector(`[data-counter="${name}"] .dw-counter-value`)?.textContent ?? "";
const tokenNode = (root: HTMLElement, i: number) =>
  root.querySelector(`.dw-plane .dw-token[data-index="${i}"]`) as SVGGElement;
const bytesOf = (m: Matrix) => new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength).slice();
const pointer = (type: string, clientX: number, clientY: number) =>
  new PointerEvent(type, {
    clientX,
    clientY,
    pointerId: 3,
    pointerType: "mouse",
    button: 0,
    bubbles: true,
    cancelable: true,
  });

/** Waits until both models have computed the points on screen. */
const settled = (root: () => FigureElement) =>
  waitFor(() => expect(root().value.settled).toBe(true), SLOW).then(() => root().value);

/** A pointer drag of token `index` by (dx, dy) SVG px: start, a few moves, end. */
async function drag(root: HTMLElement, index: number, dx: number, dy: number) {
  const node = tokenNode(root, index);
  await act(async () => {
    node.dispatchEvent(pointer("pointerdown", 0, 0));
  });
  for (let step = 1; step <= 4; step++) {
    await act(async () => {
      node.dispatchEvent(pointer("pointermove", (dx * step) / 4, (dy * step) / 4));
    });
  }
  await act(async () => {
    node.dispatchEvent(pointer("pointerup", dx, dy));
  });
}

/** Both models on screen equal src/core's for the points the figure says it shows. */
function expectMatchesCore(value: SideBySideFigureValue) {
  const x = fromRows(value.points);
  const reference = attention({ x, wq: fromRows(value.wq), wk: fromRows(value.wk), wv: fromRows(value.wv) });
  expect(value.attentionMixing?.flat()).toEqual(Array.from(reference.weights.data));
  expect(value.attentionOut?.flat()).toEqual(Array.from(reference.out.data));
  const fixed = mlp({ x, a: fromRows(value.a), b: fromRows(value.b), activation: "relu" });
  expect(value.mlpOut?.flat()).toEqual(Array.from(fixed.out.data));
}

describe("SideBySide", () => {
  it("shows the MLP's mixing matrix as the identity and attention's as softmax(QKᵀ/√d), counters at 0", async () => {
    const { root } = renderWidget();
    const value = await settled(root);
    expectMatchesCore(value);
    const n = value.tokens.length;
    await waitFor(() => expect(cellLabels(root(), "mlp")).toHaveLength(n * n), SLOW);
    const mlpCells = cellLabels(root(), "mlp");
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) expect(mlpCells[i * n + j]).toMatch(i === j ? /1\.00/ : /0\.00/);
    }
    expect(root().querySelector('[data-kind="mlp"]')?.textContent).toMatch(/identity, for every input/);
    await waitFor(() => expect(cellLabels(root(), "attention")).toHaveLength(n * n), SLOW);
    expect(counter(root(), "mlp-parameters")).toBe("MLP parameters changed: 0");
    expect(counter(root(), "attention-parameters")).toBe("attention parameters changed: 0");
    expect(counter(root(), "attention-weights")).toBe("attention weights changed: 0");
  });

  it("pick 'the', drag 'cat': attention's output for 'the' moves, the MLP's does not", async () => {
    const { root } = renderWidget();
    await settled(root);
    fireEvent.click(screen.getByRole("radio", { name: "the 1" }));
    const mlpCells = cellLabels(root(), "mlp");
    const attentionCells = cellLabels(root(), "attention");

    await drag(root(), 1, -40, 140);
    const after = await settled(root);
    expect(after.selectedOutput).toBe(0);
    expect(after.shift?.index).toBe(0);
    expect(after.shift?.attention).toBeGreaterThan(0.01);
    expect(after.shift?.mlp).toBe(0);
    expect(after.counts.attentionWeights).toBeGreaterThan(0);
    expect(after.counts.mlpParameters).toBe(0);
    expect(after.counts.attentionParameters).toBe(0);
    expectMatchesCore(after);
    await waitFor(() => expect(cellLabels(root(), "attention")).not.toEqual(attentionCells), SLOW);
    expect(cellLabels(root(), "mlp")).toEqual(mlpCells);
    const readout = root().querySelector('[data-readout="shift"]')?.textContent ?? "";
    expect(readout).toContain(`attention output “the” moved by ${after.shift?.attention?.toFixed(2)}`);
    expect(readout).toContain("MLP output “the” moved by 0.00");
    expect(counter(root(), "attention-weights")).toBe(
      `attention weights changed: ${after.counts.attentionWeights}`,
    );
  });

  it("freeze keeps attention's mixing matrix constant under drags while the values still move the output", async () => {
    const { root, store } = renderWidget();
    await settled(root);
    fireEvent.click(screen.getByLabelText("Freeze attention’s weights"));
    expect(root().value.frozen).toBe(true);
    const frozen = store.getState().mixing as Matrix;
    const frozenBytes = bytesOf(frozen);
    const frozenRows = root().value.attentionMixing;
    await waitFor(
      () => expect(root().querySelector('[data-kind="attention"]')?.textContent).toMatch(/frozen/),
      SLOW,
    );
    const frozenCells = cellLabels(root(), "attention");

    await drag(root(), 1, -40, 140);
    await drag(root(), 3, 90, 30);
    const after = await settled(root);
    expect(after.attentionMixing).toEqual(frozenRows);
    expect(bytesOf(store.getState().mixing as Matrix)).toEqual(frozenBytes);
    expect(cellLabels(root(), "attention")).toEqual(frozenCells);
    expect(after.counts.attentionWeights).toBe(0);
    // The live softmax moved; frozen attention is the fixed layer out = W_frozen·V.
    const live = attention({
      x: fromRows(after.points),
      wq: fromRows(after.wq),
      wk: fromRows(after.wk),
      wv: fromRows(after.wv),
    });
    expect(Array.from(live.weights.data)).not.toEqual(frozenRows?.flat());
    const v = live.v;
    after.attentionOut?.forEach((out, i) => {
      out.forEach((x, c) => {
        const expected = (frozenRows?.[i] ?? []).reduce((sum, w, j) => sum + w * v.data[j * v.cols + c], 0);
        expect(x).toBeCloseTo(expected, 12);
      });
    });
    // Dragging 'sat' (3rd) moves output 'the' through the values even though the weights are fixed.
    expect(after.shift?.attention).toBeGreaterThan(0);

    fireEvent.click(screen.getByLabelText("Freeze attention’s weights"));
    await waitFor(() => expect(root().value.frozen).toBe(false), SLOW);
    expectMatchesCore(root().value);
  });

  it("after 100 arrow-key moves, A, B, W_Q, W_K, W_V are byte-identical and both parameter counters read 0", async () => {
    const { root, store } = renderWidget("red green blue");
    await settled(root);
    const s = store.getState();
    const before = [s.a, s.b, s.wq, s.wk, s.wv].map(bytesOf);
    const token = tokenNode(root(), 0);
    token.focus();
    for (let i = 0; i < 100; i++) {
      await act(async () => {
        fireEvent.keyDown(token, { key: i < 50 ? "ArrowRight" : "ArrowDown" });
      });
    }
    const after = await settled(root);
    const t = store.getState();
    expect([t.a, t.b, t.wq, t.wk, t.wv].map(bytesOf)).toEqual(before);
    expect(after.counts.mlpParameters).toBe(0);
    expect(after.counts.attentionParameters).toBe(0);
    expect(after.counts.attentionWeights).toBeGreaterThan(0);
    expect(counter(root(), "mlp-parameters")).toBe("MLP parameters changed: 0");
    expect(counter(root(), "attention-parameters")).toBe("attention parameters changed: 0");
    expectMatchesCore(after);
  });

  it("the output picker follows the keyboard and changes whose output the readout reports", async () => {
    const { root } = renderWidget("the cat sat");
    await settled(root);
    const radio = screen.getByRole("radio", { name: "cat 2" });
    fireEvent.click(radio);
    expect(root().value.selectedOutput).toBe(1);
    expect(root().querySelector('[data-readout="shift"]')?.textContent).toContain("“cat”");
    // Focusing or dragging a token in the plane does not change the watched output.
    await drag(root(), 2, 30, 30);
    expect(root().value.selectedOutput).toBe(1);
  });

  it("an empty sentence shows a hint and no figures; freezing is disabled until there is a result", () => {
    const { root } = renderWidget("");
    const input = screen.getByLabelText("Your sentence");
    const message = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toMatch(/Type a sentence/);
    expect(root().querySelector(".dw-plane")).toBeNull();
    expect((screen.getByLabelText("Freeze attention’s weights") as HTMLInputElement).disabled).toBe(true);
    expect(counter(root(), "attention-weights")).toBe("attention weights changed: –");
  });
});
