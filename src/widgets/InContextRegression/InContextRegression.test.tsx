import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import {
  createInContextRegressionStore,
  type InContextRegressionStoreProps,
} from "../../state/inContextRegressionStore";
import { EngineProvider } from "../shared/EngineContext";
import type { InContextRegressionFigureValue } from "./figureValue";
import { InContextRegressionView } from "./InContextRegression";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: InContextRegressionFigureValue };

function renderFigure(props: InContextRegressionStoreProps = {}, id = "icr") {
  const store = createInContextRegressionStore(props);
  const engine = createCoreEngine();
  const view = render(
    <EngineProvider value={engine}>
      <InContextRegressionView id={id} store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, engine, root, view };
}

/** Resolves once a result newer than `after` is on screen. */
async function nextResult(root: () => FigureElement, after: number) {
  await waitFor(() => expect(root().value.resultVersion).toBeGreaterThan(after), SLOW);
  return root().value;
}

const handles = (root: HTMLElement) => root.querySelectorAll<SVGGElement>(".dw-chart-handle");
const lsaPoints = (root: HTMLElement) =>
  root.querySelectorAll('.dw-chart-series[data-id="lsa"] .dw-chart-point').length;
const readout = (root: HTMLElement, name: string) =>
  root.querySelector(`[data-readout="${name}"]`) as HTMLElement;

describe("InContextRegression (core engine in jsdom)", () => {
  it("draws the examples as sliders, gradient descent's line, and the layers' predictions on it", async () => {
    const { root } = renderFigure({ seed: 4 });
    const value = await nextResult(root, 0);
    expect(handles(root())).toHaveLength(6);
    expect(handles(root())[0].getAttribute("role")).toBe("slider");
    expect(handles(root())[0].getAttribute("aria-label")).toBe("example 1");
    await waitFor(() => expect(lsaPoints(root())).toBe(21), SLOW);
    expect(value.result?.lsaPredictions).toHaveLength(21);
    // On the core engine both sides are float64: they agree to rounding.
    expect(value.result?.maxDifference).toBeLessThan(1e-12);
    expect(Number(readout(root(), "max-difference").dataset.value)).toBe(value.result?.maxDifference);
    expect(value.result?.effective).toEqual([
      [expect.closeTo(value.result?.gdWeights[0][0] ?? Number.NaN, 12)],
    ]);
  });

  it("an arrow key moves an example: both predictions change together; the parameters do not, W_eff does", async () => {
    const { root } = renderFigure({ seed: 4 });
    const before = await nextResult(root, 0);
    const handle = handles(root())[1];
    handle.focus();
    fireEvent.keyDown(handle, { key: "ArrowUp", shiftKey: true });
    const after = await nextResult(root, before.resultVersion);
    // Shift ×5 of 0.05: y went up by 0.25.
    expect(after.examples[1][1]).toBeCloseTo(before.examples[1][1] + 0.25, 9);
    expect(after.examples[0]).toEqual(before.examples[0]);
    const moved = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    expect(moved(after.result?.gdPredictions ?? [], before.result?.gdPredictions ?? [])).toBeGreaterThan(
      0.001,
    );
    expect(moved(after.result?.lsaPredictions ?? [], before.result?.lsaPredictions ?? [])).toBeGreaterThan(
      0.001,
    );
    expect(after.result?.maxDifference).toBeLessThan(1e-12);
    expect(after.result?.parameters).toEqual(before.result?.parameters);
    expect(after.parameterChange).toBe(0);
    expect(readout(root(), "parameter-change").querySelector("strong")?.textContent).toBe("0");
    expect(after.effectiveChange).toBeGreaterThan(0.001);
    expect(readout(root(), "effective-change").querySelector("strong")?.textContent).not.toBe("0");
  });

  it("the K slider stacks layers against steps, with a row per layer", async () => {
    const { root } = renderFigure({ seed: 2 });
    const one = await nextResult(root, 0);
    fireEvent.change(screen.getByLabelText(/Layers = steps K/), { target: { value: "4" } });
    let four = await nextResult(root, one.resultVersion);
    while (four.result?.layers !== 4) four = await nextResult(root, four.resultVersion);
    expect(four.result.layerDifferences).toHaveLength(4);
    for (const d of four.result.layerDifferences) expect(d).toBeLessThan(1e-12);
    expect(root().querySelectorAll(".dw-icr-steps tr[data-layer]")).toHaveLength(4);
    // Four steps from w = 0 land elsewhere than one.
    expect(Math.abs(four.result.gdWeights[0][0] - (one.result?.gdWeights[0][0] ?? 0))).toBeGreaterThan(0.01);
    expect(screen.getByText(/Layers = steps K = 4/)).not.toBeNull();
  });

  it("d-D mode lists the queries in a table and shows W_eff with one row per input coordinate", async () => {
    const { root } = renderFigure({ seed: 9 });
    const first = await nextResult(root, 0);
    fireEvent.click(screen.getByLabelText(/d-D: a random task/));
    let space = await nextResult(root, first.resultVersion);
    while (space.result?.parameters.wk.length !== 5) space = await nextResult(root, space.resultVersion);
    expect(space.d).toBe(4);
    const table = root().querySelector(".dw-icr-queries table") as HTMLTableElement;
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 5);
    expect(table.caption?.textContent).toMatch(/d = 4/);
    fireEvent.change(screen.getByLabelText("Input dimension d"), { target: { value: "7" } });
    let seven = await nextResult(root, space.resultVersion);
    while (seven.result?.effective.length !== 7) seven = await nextResult(root, seven.resultVersion);
    expect(seven.result.maxDifference).toBeLessThan(1e-12);
    await waitFor(
      () => expect(root().querySelectorAll('[data-kind="effective"] tr[data-input]').length).toBe(7),
      SLOW,
    );
  });

  it("adds and removes examples with the buttons, and starts a new task", async () => {
    const { root } = renderFigure({ seed: 4 });
    await nextResult(root, 0);
    fireEvent.click(screen.getByRole("button", { name: "Add an example" }));
    expect(root().value.examples).toHaveLength(7);
    await waitFor(() => expect(handles(root())).toHaveLength(7), SLOW);
    fireEvent.click(screen.getByRole("button", { name: "Remove the last" }));
    fireEvent.click(screen.getByRole("button", { name: "Remove the last" }));
    expect(root().value.examples).toHaveLength(5);
    const examples = root().value.examples;
    fireEvent.click(screen.getByRole("button", { name: "New task" }));
    expect(root().value.seed).toBe(5);
    expect(root().value.examples).toHaveLength(5);
    expect(root().value.examples).not.toEqual(examples);
  });

  it("says what it did with bad examples given as props, and still computes", async () => {
    const { root } = renderFigure({
      examples: [
        [0.5, 1],
        [Number.NaN, 0],
        [-0.5, Number.POSITIVE_INFINITY],
      ],
      eta: Number.NaN,
    });
    expect(root().querySelector(".dw-message-warning")?.textContent).toMatch(
      /2 not finite numbers, left out/,
    );
    const value = await nextResult(root, 0);
    expect(value.examples).toEqual([[0.5, 1]]);
    expect(value.eta).toBe(0.8);
    expect(value.result?.maxDifference).toBeLessThan(1e-12);
  });

  it("two instances on one page keep their own examples and results", async () => {
    const a = renderFigure({ seed: 4 }, "first");
    const b = renderFigure({ seed: 4 }, "second");
    const aBefore = await nextResult(a.root, 0);
    const bBefore = await nextResult(b.root, 0);
    const handle = handles(a.root())[0];
    handle.focus();
    fireEvent.keyDown(handle, { key: "ArrowRight" });
    await nextResult(a.root, aBefore.resultVersion);
    expect(a.root().value.examples[0]).not.toEqual(aBefore.examples[0]);
    expect(b.root().value.examples).toEqual(bBefore.examples);
    expect(b.root().value.resultVersion).toBe(bBefore.resultVersion);
  });
});
