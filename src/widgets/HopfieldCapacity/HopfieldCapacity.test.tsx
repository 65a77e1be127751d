import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { recallCurve } from "../../core/hopfieldRecall";
import {
  createHopfieldCapacityStore,
  type HopfieldCapacityStoreProps,
} from "../../state/hopfieldCapacityStore";
import { betaToSlider } from "../HopfieldMemory/betaScale";
import type { HopfieldCapacityFigureValue } from "./figureValue";
import { HopfieldCapacityView } from "./HopfieldCapacity";
import { MIN_QUERIES } from "./useRecallCurve";

type FigureElement = HTMLElement & { value: HopfieldCapacityFigureValue };
const SLOW = { timeout: 20_000 };

function renderFigure(props: HopfieldCapacityStoreProps = {}, id = "capacity") {
  const store = createHopfieldCapacityStore(props);
  const view = render(<HopfieldCapacityView id={id} store={store} />);
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, root };
}

/** The curve for the parameters on screen, once it has been computed. */
async function curveOf(root: () => FigureElement) {
  await waitFor(() => expect(root().value.curve).not.toBeNull(), SLOW);
  return root().value.curve as NonNullable<HopfieldCapacityFigureValue["curve"]>;
}

const at = (curve: { counts: number[]; modern: number[]; classical: number[] }, n: number) => {
  const k = curve.counts.indexOf(n);
  expect(k, `N = ${n} on the curve`).toBeGreaterThanOrEqual(0);
  return { modern: curve.modern[k], classical: curve.classical[k] };
};

describe("HopfieldCapacity", () => {
  it("draws both rules against N: the classical rule collapses past 0.14·d, the modern one does not", async () => {
    const { root } = renderFigure({ d: 49, beta: 1, flipPercent: 10, seed: 1 });
    const curve = await curveOf(root);
    expect(at(curve, 1).classical).toBe(1);
    expect(at(curve, 30).classical).toBeLessThan(0.05);
    expect(curve.modern.every((f) => f === 1)).toBe(true);
    expect(root().value.classicalCapacity).toBeCloseTo(6.86, 10);
    // The same numbers core computes for the same seed.
    const reference = recallCurve({
      d: 49,
      counts: [4, 30],
      flipFraction: 0.1,
      beta: 1,
      seed: 1,
      minQueries: MIN_QUERIES,
    });
    expect([at(curve, 4).classical, at(curve, 30).classical]).toEqual(reference.classical);
    await waitFor(() =>
      expect(root().querySelector(".dw-cap-chart svg")?.textContent).toMatch(/0\.14·d ≈ 6\.9/),
    );
    expect(root().querySelector(".dw-cap-chart svg")?.textContent).toMatch(/N = 20/);
  });

  it("the N slider moves the readout and marker without recomputing the curve", async () => {
    const { root } = renderFigure({ seed: 2 });
    await curveOf(root);
    const version = root().value.curveVersion;
    fireEvent.change(screen.getByLabelText(/Stored patterns N/), { target: { value: "3" } });
    const readout = root().querySelector('[data-readout="recall"]') as HTMLElement;
    expect(readout.textContent).toMatch(/With N = 3 random patterns of d = 49 pixels and 5 pixels flipped/);
    expect(Number(readout.dataset.classical)).toBeGreaterThan(0.9);
    await waitFor(() => expect(root().querySelector(".dw-cap-chart svg")?.textContent).toMatch(/N = 3/));
    expect(root().value.curveVersion).toBe(version);
    expect(root().textContent).toMatch(/seed 2/);
  });

  it("a tiny β blurs the modern rule into the mean, and its curve falls too", async () => {
    const { root } = renderFigure({ seed: 3 });
    await curveOf(root);
    fireEvent.change(screen.getByLabelText(/Modern rule’s β/), {
      target: { value: String(betaToSlider(0.01)) },
    });
    await waitFor(() => expect(root().value.beta).toBeCloseTo(0.01, 6), SLOW);
    const curve = await curveOf(root);
    expect(at(curve, 10).modern).toBe(0);
  });

  it("two instances keep their own parameters and curves", async () => {
    const first = renderFigure({ d: 25 }, "first");
    const second = renderFigure({ d: 100 }, "second");
    await curveOf(first.root);
    await curveOf(second.root);
    fireEvent.click(within(first.root()).getByRole("button", { name: "New random patterns" }));
    expect(first.root().value.seed).toBe(2);
    expect(second.root().value.seed).toBe(1);
    expect(second.root().value.classicalCapacity).toBeCloseTo(14, 10);
    expect(first.root().value.d).toBe(25);
  });

  it("bad props get defaults and a message", async () => {
    const { root } = renderFigure({ d: 7, count: Number.NaN, beta: -1, flipPercent: 1e9 });
    const value = root().value;
    expect([value.d, value.count, value.beta, value.flipPercent]).toEqual([49, 20, 1, 40]);
    const notes = Array.from(root().querySelectorAll('[role="status"]'), (p) => p.textContent).join(" ");
    expect(notes).toMatch(/d must be one of 25, 49, 100/);
    expect(notes).toMatch(/N must be/);
    expect(notes).toMatch(/β must be/);
    await curveOf(root);
  });
});
