import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { fromRows, type Matrix } from "../../core/matrix";
import { mlp } from "../../core/mlp";
import { createMlpStore } from "../../state/mlpStore";
import { EngineProvider } from "../shared/EngineContext";
import type { MlpFigureValue } from "./figureValue";
import { MlpExplorerView } from "./MlpExplorer";

const SLOW = { timeout: 20_000 };

type FigureElement = HTMLElement & { value: MlpFigureValue };

function renderExplorer(initialText: string, id = "mlp") {
  const store = createMlpStore({ initialText });
  const view = render(
    <EngineProvider value={createCoreEngine()}>
      <MlpExplorerView id={id} store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, root };
}

const cells = (root: HTMLElement, kind: string) =>
  root.querySelectorAll(`[data-kind="${kind}"] [data-row][data-col]`);
const cellLabels = (root: HTMLElement, kind: string) =>
  Array.from(cells(root, kind), (cell) => cell.getAttribute("aria-label"));
const tokenLabels = (root: HTMLElement) =>
  Array.from(root.querySelectorAll(".dw-plane .dw-token text"), (node) => node.textContent);
const counter = (root: HTMLElement, name: string) =>
  root.querySelector(`[data-counter="${name}"] .dw-counter-value`)?.textContent ?? "";
/** A copy of a matrix's bytes, to compare bit for bit later. */
const bytesOf = (m: Matrix) => new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength).slice();

/** The hidden activations on screen equal src/core's mlp of what the figure says its inputs are. */
function expectMatchesCore(value: MlpFigureValue) {
  const reference = mlp({
    x: fromRows(value.points),
    a: fromRows(value.a),
    b: fromRows(value.b),
    activation: value.activation,
  });
  expect(value.hidden?.flat()).toEqual(Array.from(reference.hidden.data));
}

describe("MlpExplorer", () => {
  it("turns the typed sentence into tokens and one row of activations per token", async () => {
    const { root } = renderExplorer("the cat sat");
    await waitFor(() => expect(cells(root(), "hidden")).toHaveLength(3 * 6), SLOW);
    expect(tokenLabels(root())).toEqual(["the", "cat", "sat"]);
    expect(cells(root(), "gates")).toHaveLength(3 * 6);

    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "a dog ran home" } });
    await waitFor(() => expect(cells(root(), "hidden")).toHaveLength(4 * 6), SLOW);
    expect(tokenLabels(root())).toEqual(["a", "dog", "ran", "home"]);
    expect(root().value.tokens).toEqual(["a", "dog", "ran", "home"]);
    expectMatchesCore(root().value);
  });

  it("switching σ changes the activations but not A or B", async () => {
    const { root, store } = renderExplorer("the cat sat on the mat");
    await waitFor(() => expect(root().value.hidden).not.toBeNull(), SLOW);
    const before = root().value;
    const aBytes = bytesOf(store.getState().a);
    const bBytes = bytesOf(store.getState().b);
    const aCells = cellLabels(root(), "a");
    const bCells = cellLabels(root(), "b");
    const hiddenCells = cellLabels(root(), "hidden");

    fireEvent.change(screen.getByLabelText("Nonlinearity σ"), { target: { value: "tanh" } });
    await waitFor(() => expect(cellLabels(root(), "hidden")).not.toEqual(hiddenCells), SLOW);
    const after = root().value;
    expect(after.activation).toBe("tanh");
    expect(after.hidden).not.toEqual(before.hidden);
    expectMatchesCore(after);
    expect(bytesOf(store.getState().a)).toEqual(aBytes);
    expect(bytesOf(store.getState().b)).toEqual(bBytes);
    expect(cellLabels(root(), "a")).toEqual(aCells);
    expect(cellLabels(root(), "b")).toEqual(bCells);
    expect(counter(root(), "parameters")).toBe("parameters changed: 0");
  });

  it("after 100 arrow-key moves: parameters changed 0, A and B byte-identical, activations changed", async () => {
    const { root, store } = renderExplorer("red green blue");
    await waitFor(() => expect(root().value.hidden).not.toBeNull(), SLOW);
    expect(counter(root(), "activations")).toBe("hidden activations changed: 0");
    const aBytes = bytesOf(store.getState().a);
    const bBytes = bytesOf(store.getState().b);
    const start = root().value;
    const token = root().querySelectorAll<SVGGElement>(".dw-plane .dw-token")[0];
    token.focus();
    for (let i = 0; i < 100; i++) {
      await act(async () => {
        fireEvent.keyDown(token, { key: i < 50 ? "ArrowRight" : "ArrowUp" });
      });
    }
    await waitFor(() => expect(root().value.points[0][1]).toBeCloseTo(start.points[0][1] + 2.5, 6), SLOW);
    await waitFor(() => expectMatchesCore(root().value), SLOW);

    expect(counter(root(), "parameters")).toBe("parameters changed: 0");
    expect(root().value.counts.parameters).toBe(0);
    expect(bytesOf(store.getState().a)).toEqual(aBytes);
    expect(bytesOf(store.getState().b)).toEqual(bBytes);
    expect(root().value.a).toEqual(start.a);
    expect(root().value.b).toEqual(start.b);
    // Only the moved token's row changed.
    expect(root().value.hidden?.slice(1)).toEqual(start.hidden?.slice(1));
    expect(root().value.counts.activations).toBeGreaterThan(0);
    expect(root().value.counts.activations).toBeLessThanOrEqual(6);
  });

  it("counts changed activations after a single move, and restarts the count on request", async () => {
    const { root } = renderExplorer("cat dog");
    await waitFor(() => expect(root().value.hidden).not.toBeNull(), SLOW);
    const token = root().querySelectorAll<SVGGElement>(".dw-plane .dw-token")[1];
    await act(async () => {
      fireEvent.keyDown(token, { key: "ArrowLeft", shiftKey: true });
    });
    await waitFor(
      () => expect(Number(counter(root(), "activations").split(": ")[1])).toBeGreaterThan(0),
      SLOW,
    );
    expect(counter(root(), "parameters")).toBe("parameters changed: 0");

    fireEvent.click(screen.getByRole("button", { name: "Restart the count" }));
    await waitFor(() => expect(counter(root(), "activations")).toBe("hidden activations changed: 0"), SLOW);
  });

  it("shows a hint for an empty box, draws A and B anyway, and computes once text arrives", async () => {
    const { root } = renderExplorer("");
    const input = screen.getByLabelText("Your sentence");
    const message = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toMatch(/Type a sentence/);
    expect(root().querySelector(".dw-plane")).toBeNull();
    expect(cells(root(), "a")).toHaveLength(12);
    expect(cells(root(), "b")).toHaveLength(12);
    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "hello" } });
    await waitFor(() => expect(cells(root(), "hidden")).toHaveLength(6), SLOW);
  });

  it("gives two instances on one page their own state", async () => {
    const engine = createCoreEngine();
    const { container } = render(
      <EngineProvider value={engine}>
        <MlpExplorerView id="one" store={createMlpStore({ initialText: "red green" })} />
        <MlpExplorerView
          id="two"
          store={createMlpStore({ initialText: "one two three", activation: "gelu" })}
        />
      </EngineProvider>,
    );
    const one = container.querySelector("#one") as FigureElement;
    const two = container.querySelector("#two") as FigureElement;
    await waitFor(() => expect(cells(two, "hidden")).toHaveLength(18), SLOW);
    fireEvent.change(screen.getAllByLabelText("Nonlinearity σ")[0], { target: { value: "tanh" } });
    await waitFor(() => expect(one.value.activation).toBe("tanh"), SLOW);
    expect(two.value.activation).toBe("gelu");
    expect(tokenLabels(two)).toEqual(["one", "two", "three"]);
  });
});
