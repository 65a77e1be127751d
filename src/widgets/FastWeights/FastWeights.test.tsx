import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { applyFeatureMap } from "../../core/fastWeights";
import { row } from "../../core/matrix";
import { createFastWeightsStore, type FastWeightsStoreProps } from "../../state/fastWeightsStore";
import { EngineProvider } from "../shared/EngineContext";
import { FastWeightsView } from "./FastWeights";
import type { FastWeightsFigureValue } from "./figureValue";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: FastWeightsFigureValue };

function renderPlayer(props: FastWeightsStoreProps = {}, id = "player") {
  const store = createFastWeightsStore(props);
  const view = render(
    <EngineProvider value={createCoreEngine()}>
      <FastWeightsView id={id} store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, root, container: view.container };
}

async function landed(root: () => FigureElement) {
  await waitFor(() => expect(root().value.difference).not.toBeNull(), SLOW);
  return root().value;
}

function stubReducedMotion(reduce: boolean) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    media: query,
    matches: reduce && query === "(prefers-reduced-motion: reduce)",
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe("FastWeights player", () => {
  it("each step grows W_t by exactly one outer product v_t φ(k_t)ᵀ, drawn in the ΔW heatmap", async () => {
    const user = userEvent.setup();
    const { root, store, container } = renderPlayer({ initialText: "the cat sat on the mat" });
    let before = await landed(root);
    expect(before.step).toBe(0);
    const phiK = applyFeatureMap(store.getState().k, "elu1");
    const v = store.getState().v;
    for (let t = 1; t < 6; t++) {
      await user.click(screen.getByRole("button", { name: "Next token" }));
      const after = root().value;
      expect(after.step).toBe(t);
      const key = row(phiK, t);
      const value = row(v, t);
      after.memory?.forEach((memoryRow, a) => {
        memoryRow.forEach((w, b) => {
          const grown = w - (before.memory?.[a][b] ?? Number.NaN);
          expect(grown).toBeCloseTo(value[a] * key[b], 12);
          expect(after.update?.[a][b]).toBeCloseTo(value[a] * key[b], 12);
        });
      });
      before = after;
    }
    // The ΔW heatmap shows the same numbers, to two decimals, for assistive technology too.
    const update = container.querySelector('[data-kind="update"]') as HTMLElement;
    const cell = update.querySelector('[data-row="0"][data-col="0"]');
    // Cell text waits for a burst of updates (five quick clicks) to settle.
    const expected = `row v1, column k1: ${before.update?.[0][0].toFixed(2)}`;
    await waitFor(() => expect(cell?.getAttribute("aria-label")).toBe(expected), SLOW);
    expect(screen.getByRole("button", { name: "Next token" })).toHaveProperty("disabled", true);
  });

  it("shows the read equal to causal linear attention's row t, with the tiny difference printed", async () => {
    const { root, container } = renderPlayer();
    const value = await landed(root);
    expect(value.difference).toBeLessThan(1e-12);
    expect(value.maxDifference).toBeLessThan(1e-12);
    value.read?.forEach((x, a) => {
      expect(x).toBeCloseTo(value.attentionRow?.[a] ?? Number.NaN, 12);
    });
    const readout = container.querySelector('[data-readout="difference"]') as HTMLElement;
    expect(readout.textContent).toMatch(/Largest difference/);
    const table = within(container.querySelector(".dw-fw-table") as HTMLElement);
    expect(table.getByText(/Causal linear attention, row 1/)).toBeTruthy();
    await waitFor(
      () => expect(container.querySelector('[data-kind="attention"] [data-row][data-col]')).not.toBeNull(),
      SLOW,
    );
  });

  it("under the delta rule it says the attention form no longer applies instead of showing an equality", async () => {
    const user = userEvent.setup();
    const { root, container } = renderPlayer({ initialText: "the cat saw the cat" });
    await landed(root);
    await user.click(screen.getByRole("radio", { name: /delta/ }));
    expect(screen.getByLabelText(/β =/)).toHaveProperty("disabled", false);
    fireEvent.change(screen.getByLabelText(/Token t =/), { target: { value: "5" } });
    const value = root().value;
    expect(value.rule).toBe("delta");
    // "cat" is written twice with (nearly) the same key: the delta rule's read differs from attention's.
    expect(value.difference).toBeGreaterThan(1e-3);
    const readout = container.querySelector('[data-readout="difference"]') as HTMLElement;
    expect(readout.textContent).toMatch(/not linear attention/);
    expect(readout.textContent).not.toMatch(/Largest difference/);
  });

  it("is keyboard-operable: buttons by Enter and Space, the step slider by name", async () => {
    const user = userEvent.setup();
    const { root } = renderPlayer({ initialText: "one two three four" });
    await landed(root);
    screen.getByRole("button", { name: "Next token" }).focus();
    await user.keyboard("{Enter}");
    await user.keyboard(" ");
    expect(root().value.step).toBe(2);
    screen.getByRole("button", { name: "First token" }).focus();
    await user.keyboard("{Enter}");
    expect(root().value.step).toBe(0);
    screen.getByRole("button", { name: "Last token" }).focus();
    await user.keyboard("{Enter}");
    expect(root().value.step).toBe(3);
    await user.click(screen.getByRole("radio", { name: /identity/ }));
    await user.click(screen.getByRole("checkbox", { name: /Normalise/ }));
    const after = await landed(root);
    expect([after.featureMap, after.normalise]).toEqual(["identity", true]);
    expect(screen.getByRole("slider", { name: /Token t = 4 of 4/ })).toBeTruthy();
  });

  it("plays through the tokens and stops at the last one", async () => {
    stubReducedMotion(false);
    const user = userEvent.setup();
    const { root } = renderPlayer({ initialText: "a b" });
    await landed(root);
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(root().value.step).toBe(1), SLOW);
    await waitFor(() => expect(screen.getByRole("button", { name: "Play" })).toBeTruthy(), SLOW);
  });

  it("under reduced motion Play is off and says why", async () => {
    stubReducedMotion(true);
    const { root } = renderPlayer();
    await landed(root);
    expect(screen.getByRole("button", { name: "Play" })).toHaveProperty("disabled", true);
    expect(screen.getByText(/reduced motion/)).toBeTruthy();
  });

  it("an empty sentence shows a hint and no matrices, then recovers", async () => {
    const user = userEvent.setup();
    const { root, container } = renderPlayer();
    await landed(root);
    await user.clear(screen.getByLabelText("Your sentence"));
    expect(screen.getByText(/each word becomes a token/)).toBeTruthy();
    expect(container.querySelector('[data-kind="after"]')).toBeNull();
    expect(root().value.memory).toBeNull();
    await user.type(screen.getByLabelText("Your sentence"), "dog");
    expect(root().value.memory).not.toBeNull();
  });

  it("two players on one page do not interfere", async () => {
    const user = userEvent.setup();
    const first = renderPlayer({ initialText: "a b c" }, "first");
    const second = renderPlayer({ initialText: "a b c" }, "second");
    await landed(first.root);
    await landed(second.root);
    const next = within(first.root()).getByRole("button", { name: "Next token" });
    await user.click(next);
    await user.click(within(second.root()).getByRole("radio", { name: /delta/ }));
    expect([first.root().value.step, first.root().value.rule]).toEqual([1, "sum"]);
    expect([second.root().value.step, second.root().value.rule]).toEqual([0, "delta"]);
  });
});
