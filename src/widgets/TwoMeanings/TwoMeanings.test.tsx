import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { createTwoMeaningsStore } from "../../state/twoMeaningsStore";
import { EngineProvider } from "../shared/EngineContext";
import { ClaimCheck } from "./ClaimCheck";
import type { TwoMeaningsFigureValue } from "./figureValue";
import { TwoMeaningsView } from "./TwoMeanings";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: TwoMeaningsFigureValue };

function renderFigure(props: Parameters<typeof createTwoMeaningsStore>[0] = {}, id = "two") {
  const store = createTwoMeaningsStore(props);
  const engine = createCoreEngine();
  const view = render(
    <EngineProvider value={engine}>
      <TwoMeaningsView id={id} store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, engine, root };
}

/** Resolves once a result newer than `after` is on screen. */
async function nextResult(root: () => FigureElement, after: number) {
  await waitFor(() => expect(root().value.resultVersion).toBeGreaterThan(after), SLOW);
  return root().value;
}

const thumbnails = (root: HTMLElement) => root.querySelectorAll(".dw-two-thumbnail");
const drawnThumbnails = (root: HTMLElement) =>
  root.querySelectorAll(".dw-two-thumbnail [data-row][data-col]").length;

describe("TwoMeanings", () => {
  it("uses identical parameters for all K inputs while each input's A differs and equals core attention", async () => {
    const { root, engine } = renderFigure({ seed: 3, count: 6, tokensPerInput: 4 });
    const value = await nextResult(root, 0);
    expect(engine.calls).toBe(6);
    expect(value.inputs).toHaveLength(6);
    // One heatmap per parameter, not one per input: there is only one of each.
    expect(root().querySelectorAll(".dw-two-parameters [data-kind]")).toHaveLength(3);
    expect(value.parameterDifference).toBe(0);
    expect(root().querySelector('[data-readout="parameter-difference"] strong')?.textContent).toBe("0");

    for (const input of value.inputs) {
      const reference = attention({
        x: fromRows(input.points),
        wq: fromRows(value.wq),
        wk: fromRows(value.wk),
        wv: fromRows(value.wv),
      });
      expect(input.weights?.flat()).toEqual(Array.from(reference.weights.data));
    }
    // The A matrices differ: no two inputs share theirs.
    const flat = value.inputs.map((input) => JSON.stringify(input.weights));
    expect(new Set(flat).size).toBe(6);
    expect(value.weightDifference).toBeGreaterThan(0.01);
    expect(
      Number(root().querySelector('[data-readout="weight-difference"]')?.getAttribute("data-value")),
    ).toBe(value.weightDifference);
    await waitFor(() => expect(drawnThumbnails(root())).toBe(6 * 16), SLOW);
  });

  it("changing the seed changes the inputs and their A, never the parameters", async () => {
    const { root } = renderFigure({ seed: 3, count: 4 });
    const before = await nextResult(root, 0);
    fireEvent.change(screen.getByLabelText("Seed"), { target: { value: "99" } });
    const after = await nextResult(root, before.resultVersion);
    expect(after.seed).toBe(99);
    expect(after.inputs.map((i) => i.tokens)).not.toEqual(before.inputs.map((i) => i.tokens));
    expect(after.inputs.map((i) => i.weights)).not.toEqual(before.inputs.map((i) => i.weights));
    expect([after.wq, after.wk, after.wv]).toEqual([before.wq, before.wk, before.wv]);
    expect(after.parameterDifference).toBe(0);

    fireEvent.click(screen.getByRole("button", { name: "New inputs" }));
    const next = await nextResult(root, after.resultVersion);
    expect(next.seed).toBe(100);
    expect(screen.getByLabelText<HTMLInputElement>("Seed").value).toBe("100");

    // A seed that is not a whole number is kept in the box, explained, and not applied.
    fireEvent.change(screen.getByLabelText("Seed"), { target: { value: "abc" } });
    expect(screen.getByRole("alert").textContent).toMatch(/whole number/);
    expect(root().value.seed).toBe(100);
  });

  it("the K slider sets how many inputs are drawn; K = 1 leaves nothing to compare", async () => {
    const { root } = renderFigure({ seed: 5, count: 3 });
    const first = await nextResult(root, 0);
    expect(thumbnails(root())).toHaveLength(3);
    fireEvent.change(screen.getByLabelText(/Inputs K/), { target: { value: "9" } });
    const more = await nextResult(root, first.resultVersion);
    expect(thumbnails(root())).toHaveLength(9);
    // Input k does not depend on K: the first three inputs are the same sentences.
    expect(more.inputs.slice(0, 3).map((i) => i.tokens)).toEqual(first.inputs.map((i) => i.tokens));
    fireEvent.change(screen.getByLabelText(/Inputs K/), { target: { value: "1" } });
    const one = await nextResult(root, more.resultVersion);
    expect(one.weightDifference).toBeNull();
    expect(root().querySelector('[data-readout="weight-difference"]')?.textContent).toMatch(/at least two/);
    expect(one.parameterDifference).toBe(0);
  });

  it("a different parameter preset changes every A but the parameters stay shared", async () => {
    const { root } = renderFigure({ seed: 5, count: 4 });
    const before = await nextResult(root, 0);
    fireEvent.change(screen.getByLabelText("Parameters"), { target: { value: "opposite" } });
    const after = await nextResult(root, before.resultVersion);
    expect(after.wk).not.toEqual(before.wk);
    after.inputs.forEach((input, k) => {
      expect(input.weights).not.toEqual(before.inputs[k].weights);
    });
    expect(after.parameterDifference).toBe(0);
  });
});

describe("ClaimCheck", () => {
  it("tells the reader whether their chosen meaning is right, and reveals without a choice", async () => {
    const user = userEvent.setup();
    const { container } = render(<ClaimCheck id="claims" />);
    const claim = (id: string) => container.querySelector(`[data-claim="${id}"]`) as HTMLElement;
    expect(container.querySelectorAll("[data-claim]").length).toBeGreaterThanOrEqual(3);

    const perInput = claim("changes-per-input");
    await user.click(perInput.querySelector('input[value="parameters"]') as HTMLInputElement);
    await user.click(perInput.querySelector("button") as HTMLButtonElement);
    expect(perInput.querySelector("[data-verdict]")?.getAttribute("data-verdict")).toBe("false");
    expect(perInput.textContent).toMatch(/Not quite/);

    await user.click(perInput.querySelector('input[value="coefficients"]') as HTMLInputElement);
    // Changing the answer hides the old verdict until it is checked again.
    expect(perInput.querySelector("[data-verdict]")).toBeNull();
    await user.click(perInput.querySelector("button") as HTMLButtonElement);
    expect(perInput.querySelector("[data-verdict]")?.getAttribute("data-verdict")).toBe("true");

    const frozen = claim("frozen");
    await user.click(frozen.querySelector("button") as HTMLButtonElement);
    expect(frozen.querySelector("[data-verdict]")?.getAttribute("data-verdict")).toBe("shown");
    expect(frozen.textContent).toMatch(/Answer: Parameters/);
  });
});
