import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { glyphPatterns } from "../../core/glyphs";
import { hopfieldRetrieve } from "../../core/hopfield";
import { matrix } from "../../core/matrix";
import {
  createHopfieldMemoryStore,
  type HopfieldMemoryStoreProps,
  MAX_STEPS,
} from "../../state/hopfieldMemoryStore";
import { EngineProvider } from "../shared/EngineContext";
import { betaToSlider, formatBeta } from "./betaScale";
import type { HopfieldMemoryFigureValue } from "./figureValue";
import { HopfieldMemoryView } from "./HopfieldMemory";

type FigureElement = HTMLElement & { value: HopfieldMemoryFigureValue };
const SLOW = { timeout: 20_000 };

function renderFigure(props: HopfieldMemoryStoreProps = {}, id = "memory") {
  const store = createHopfieldMemoryStore(props);
  const engine = createCoreEngine();
  const view = render(
    <EngineProvider value={engine}>
      <HopfieldMemoryView id={id} store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, engine, root, view };
}

/** Resolves once the trajectory for the query and β on screen has landed. */
async function settled(root: () => FigureElement) {
  await waitFor(() => expect(root().value.pending).toBe(false), SLOW);
  return root().value;
}

afterEach(() => vi.unstubAllGlobals());

describe("HopfieldMemory", () => {
  it("a step changes ξ and lowers the energy, with core's numbers", async () => {
    const { root } = renderFigure({ beta: 0.2 });
    const before = await settled(root);
    expect(before.step).toBe(0);
    expect(before.state).toEqual(before.query);
    expect(before.retrieval).toEqual({ kind: "query" });
    await userEvent.click(screen.getByRole("button", { name: "Step" }));
    const after = root().value;
    expect(after.step).toBe(1);
    expect(after.state).not.toEqual(before.query);
    const energies = after.energies as number[];
    expect(energies).toHaveLength(2);
    expect(energies[1]).toBeLessThan(energies[0]);
    const reference = hopfieldRetrieve({
      patterns: glyphPatterns(["A", "C", "H", "L", "T", "X"]),
      states: matrix(1, 49, after.query),
      beta: after.beta,
      steps: 1,
    });
    expect(after.state).toEqual(Array.from(reference.states[0].data));
    expect(after.weights).toEqual(Array.from(reference.weights[0].data));
    // The bars and the grid show the same step.
    const bars = root().querySelectorAll<HTMLElement>(".dw-hop-bars li");
    expect(Array.from(bars, (li) => Number(li.dataset.weight))).toEqual(after.weights);
    expect(root().querySelector(".dw-hop-state table")?.textContent).toContain(
      (after.state as number[])[0].toFixed(2),
    );
    await waitFor(() => expect(root().querySelector(".dw-hop-energy svg")).not.toBeNull());
  });

  it("moving β from low to high turns a metastable mixture into retrieval of H", async () => {
    const { root } = renderFigure({ beta: 0.08 });
    await settled(root);
    for (let t = 0; t < 4; t++) await userEvent.click(screen.getByRole("button", { name: "Step" }));
    const low = root().value;
    expect(low.retrieval?.kind).toBe("mixes");
    const sentence = () => root().querySelector(".dw-hop-retrieval")?.textContent ?? "";
    expect(sentence()).toMatch(/^Metastable: ξ mixes patterns H \(0\.\d\d\), A \(0\.\d\d\)/);

    fireEvent.change(screen.getByLabelText(/Inverse temperature β/), {
      target: { value: String(betaToSlider(5)) },
    });
    const high = await settled(root);
    expect(Math.abs(high.beta - 5)).toBeLessThan(0.25);
    expect(high.step).toBe(4);
    expect(high.retrieval).toMatchObject({
      kind: "retrieved",
      glyph: "H",
      isStart: true,
      matchingPixels: 49,
    });
    expect(sentence()).toMatch(/^Retrieved H: weight 1\.00/);
    expect(screen.getByLabelText(/Inverse temperature β/).getAttribute("aria-valuetext")).toBe(
      `β = ${formatBeta(high.beta)}`,
    );
  });

  it("pixels toggle from the keyboard: one tab stop, arrows move, Space flips", async () => {
    const user = userEvent.setup();
    const { root } = renderFigure({ corruption: 0 });
    await settled(root);
    const grid = screen.getByRole("group", { name: /Query pixels of H, 0 flipped/ });
    const pixels = within(grid).getAllByRole("button");
    expect(pixels).toHaveLength(49);
    expect(pixels.filter((p) => p.tabIndex === 0)).toHaveLength(1);
    pixels[0].focus();
    await user.keyboard("{ArrowRight}{ArrowDown}");
    expect(document.activeElement).toBe(pixels[8]);
    expect(pixels[8].tabIndex).toBe(0);
    expect(pixels[8].getAttribute("aria-label")).toBe("Row 2, column 2: background");
    await user.keyboard(" ");
    expect(pixels[8].getAttribute("aria-pressed")).toBe("true");
    expect(pixels[8].getAttribute("aria-label")).toBe("Row 2, column 2: ink, flipped");
    expect(root().value.flipped).toEqual([8]);
    expect(root().value.query[8]).toBe(1);
    await user.keyboard("{Enter}");
    expect(root().value.flipped).toEqual([]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(pixels[13]);
  });

  it("Run reveals every step; with reduced motion it jumps there without animating", async () => {
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: query.includes("reduce"),
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const { root } = renderFigure();
    await settled(root);
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(root().value.step).toBe(MAX_STEPS);
    expect(screen.getByRole("button", { name: "Step" })).toHaveProperty("disabled", true);
    const energies = root().value.energies as number[];
    for (let t = 1; t < energies.length; t++)
      expect(energies[t]).toBeLessThanOrEqual(energies[t - 1] + 1e-12);
    await userEvent.click(screen.getByRole("button", { name: "Reset" }));
    expect(root().value.step).toBe(0);
  });

  it("Run animates one step at a time when motion is allowed", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { root } = renderFigure();
      await settled(root);
      fireEvent.click(screen.getByRole("button", { name: "Run" }));
      await act(async () => vi.advanceTimersByTime(500));
      expect(root().value.step).toBe(1);
      await act(async () => vi.advanceTimersByTime(450 * MAX_STEPS));
      expect(root().value.step).toBe(MAX_STEPS);
      expect(screen.getByRole("button", { name: "Run" }).getAttribute("aria-pressed")).toBe("false");
    } finally {
      vi.useRealTimers();
    }
  });

  it("two instances on one page do not interfere", async () => {
    const first = renderFigure({ corruption: 4 }, "one");
    const second = renderFigure({ corruption: 4 }, "two");
    await settled(first.root);
    await settled(second.root);
    const steps = screen.getAllByRole("button", { name: "Step" });
    await userEvent.click(steps[0]);
    await userEvent.click(within(first.root()).getAllByRole("button", { name: /Row 1, column 1/ })[0]);
    expect(first.root().value.step).toBe(1);
    expect(second.root().value.step).toBe(0);
    expect(first.root().value.flipped).not.toEqual(second.root().value.flipped);
    expect(second.store.getState().shownSteps).toBe(0);
  });

  it("bad props get defaults and a message, never a blank figure", async () => {
    const { root } = renderFigure({
      beta: Number.NaN,
      stored: ["A", "Q", "🙂"],
      start: "Z",
      seed: Number.POSITIVE_INFINITY,
      corruption: 1e9,
    });
    const value = await settled(root);
    expect(value.stored).toEqual(["A", "C", "H", "L", "T", "X"]);
    expect(value.start).toBe("H");
    expect(value.beta).toBeCloseTo(1 / 7, 12);
    expect(value.flipped).toHaveLength(24);
    const notes = Array.from(root().querySelectorAll('[role="status"]'), (p) => p.textContent).join(" ");
    expect(notes).toMatch(/Unknown glyphs ignored: Q, 🙂/);
    expect(notes).toMatch(/at least two glyphs/);
    expect(notes).toMatch(/β must be a positive number/);
    expect(notes).toMatch(/“Z” is not a stored glyph/);
  });
});
