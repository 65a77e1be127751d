import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { attention } from "../../core/attention";
import { at, fromRows, identity } from "../../core/matrix";
import { createBilinearStore } from "../../state/bilinearStore";
import { BilinearScoreView } from "./BilinearScore";
import type { BilinearFigureValue } from "./figureValue";

type FigureElement = HTMLElement & { value: BilinearFigureValue };

function renderScore(initialText = "the cat sat on the mat", id = "bilinear") {
  const store = createBilinearStore({ initialText });
  const view = render(<BilinearScoreView id={id} store={store} />);
  const root = () => view.container.querySelector(`#${id}`) as FigureElement;
  return { store, root };
}

const readout = (root: HTMLElement, name: string) =>
  Number(root.querySelector(`[data-readout="${name}"]`)?.getAttribute("data-value"));
const termValues = (root: HTMLElement, table: string) =>
  Array.from(root.querySelectorAll(`[data-table="${table}"] tbody tr [data-value]`), (cell) =>
    Number(cell.getAttribute("data-value")),
  );
const factors = (root: HTMLElement, table: string) =>
  Array.from(root.querySelectorAll(`[data-table="${table}"] tbody tr`), (row) =>
    row.getAttribute("data-input-factors"),
  );

/** Core attention's score for the figure's own inputs, computed here independently of the widget. */
function coreScore(value: BilinearFigureValue): number {
  const { scores } = attention({
    x: fromRows(value.points),
    wq: fromRows(value.wq),
    wk: fromRows(value.wk),
    wv: identity(2),
  });
  return at(scores, value.query, value.key);
}

async function press(token: Element, key: string, times = 1) {
  for (let k = 0; k < times; k++) {
    await act(async () => {
      fireEvent.keyDown(token, { key });
    });
  }
}

describe("BilinearScore", () => {
  it("shows four terms whose sum equals core attention's score within 1e-12", () => {
    const { root } = renderScore();
    const value = root().value;
    expect(value.tokens[value.query]).toBe("cat");
    expect(value.tokens[value.key]).toBe("sat");
    const terms = termValues(root(), "score-terms");
    expect(terms).toHaveLength(4);
    // The default matrices make every term count.
    for (const term of terms) expect(Math.abs(term)).toBeGreaterThan(1e-3);
    const sum = terms.reduce((total, term) => total + term, 0);
    expect(Math.abs(readout(root(), "sum") - sum)).toBeLessThan(1e-12);
    expect(Math.abs(readout(root(), "sum") - coreScore(value))).toBeLessThan(1e-12);
    expect(Math.abs(readout(root(), "score") - coreScore(value))).toBe(0);
    expect(Math.abs(readout(root(), "difference"))).toBeLessThan(1e-12);
    // Each term is x_i[a]·M[a,b]·x_j[b] of the numbers on screen.
    const xi = value.points[value.query];
    const xj = value.points[value.key];
    terms.forEach((term, k) => {
      const a = Math.floor(k / 2);
      const b = k % 2;
      expect(term).toBeCloseTo(xi[a] * (value.m?.[a][b] ?? Number.NaN) * xj[b], 12);
    });
  });

  it("dragging token i or j changes the terms live; W_Q, W_K and M stay; another token changes nothing", async () => {
    const { root } = renderScore();
    const start = root().value;
    const tokens = root().querySelectorAll<SVGGElement>(".dw-plane .dw-token");
    let events = 0;
    root().addEventListener("input", () => {
      events += 1;
    });

    await press(tokens[start.query], "ArrowRight", 3);
    const afterQuery = root().value;
    expect(afterQuery.points[start.query][0]).toBeCloseTo(start.points[start.query][0] + 0.15, 9);
    expect(termValues(root(), "score-terms")).not.toEqual(start.terms?.flat());
    expect(Math.abs(readout(root(), "sum") - coreScore(afterQuery))).toBeLessThan(1e-12);

    await press(tokens[start.key], "ArrowUp", 2);
    const afterKey = root().value;
    expect(afterKey.terms).not.toEqual(afterQuery.terms);
    expect(Math.abs(readout(root(), "difference"))).toBeLessThan(1e-12);

    // Token 4 ("on") is neither i nor j: the score s_ij does not involve it.
    await press(tokens[3], "ArrowDown", 4);
    expect(root().value.points[3]).not.toEqual(afterKey.points[3]);
    expect(root().value.terms).toEqual(afterKey.terms);

    expect(events).toBe(9);
    expect(root().value.wq).toEqual(start.wq);
    expect(root().value.wk).toEqual(start.wk);
    expect(root().value.m).toEqual(start.m);
  });

  it("score terms multiply two input entries; the fixed layer's terms one, and sum to the MLP's pre-activation", async () => {
    const { root } = renderScore();
    expect(factors(root(), "score-terms")).toEqual(["2", "2", "2", "2"]);
    expect(factors(root(), "layer-terms")).toEqual(["1", "1"]);
    const value = root().value;
    expect(value.layerTerms).toHaveLength(2);
    expect(Math.abs((value.layerSum ?? Number.NaN) - (value.preActivation ?? Number.NaN))).toBeLessThan(
      1e-12,
    );

    // Degree 1 versus degree 2: with j = i, moving the token so that its y entry grows by a
    // factor r scales the layer's y term by r and the score's (y, y) term by r².
    fireEvent.change(screen.getByLabelText(/Key token j/), { target: { value: String(value.query) } });
    const before = root().value;
    const token = root().querySelectorAll<SVGGElement>(".dw-plane .dw-token")[value.query];
    await press(token, "ArrowUp", 19);
    const after = root().value;
    const ratio = after.points[value.query][1] / before.points[value.query][1];
    expect(ratio).toBeGreaterThan(1.5);
    // Layer term a = 2 (the y entry) scales by the ratio; the score term (2, 2) by its square.
    expect((after.layerTerms?.[1] ?? 0) / (before.layerTerms?.[1] ?? 1)).toBeCloseTo(ratio, 9);
    expect((after.terms?.[1][1] ?? 0) / (before.terms?.[1][1] ?? 1)).toBeCloseTo(ratio * ratio, 9);

    fireEvent.change(screen.getByLabelText("Hidden unit h"), { target: { value: "4" } });
    expect(root().value.unit).toBe(4);
    expect(Math.abs((root().value.layerSum ?? 0) - (root().value.preActivation ?? 1))).toBeLessThan(1e-12);
    expect(root().value.layerTerms).not.toEqual(after.layerTerms);
  });

  it("choosing i and j, a preset or a typed entry recomputes M and the terms, still equal to the score", () => {
    const { root } = renderScore();
    const start = root().value;
    fireEvent.change(screen.getByLabelText(/Query token i/), { target: { value: "5" } });
    fireEvent.change(screen.getByLabelText(/Key token j/), { target: { value: "0" } });
    expect(root().value.tokens[root().value.query]).toBe("mat");
    expect(root().value.terms).not.toEqual(start.terms);
    expect(Math.abs(readout(root(), "sum") - coreScore(root().value))).toBeLessThan(1e-12);

    fireEvent.change(screen.getByLabelText("Projections"), { target: { value: "rotation" } });
    // Rotated queries: W_Q W_Kᵀ = [[0, 1], [−1, 0]], so M has zeros on its diagonal.
    expect(root().value.m?.[0][0]).toBe(0);
    expect(root().value.m?.[0][1]).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(Math.abs(readout(root(), "sum") - coreScore(root().value))).toBeLessThan(1e-12);

    fireEvent.change(screen.getByLabelText("W_K row 1, column 2"), { target: { value: "2" } });
    expect(root().value.preset).toBe("custom");
    expect(root().value.wk[0][1]).toBe(2);
    expect(Math.abs(readout(root(), "sum") - coreScore(root().value))).toBeLessThan(1e-12);
  });

  it("shows a hint and no tables for empty text, and keeps i and j in range when text shrinks", () => {
    const { root, store } = renderScore("one two three four");
    fireEvent.change(screen.getByLabelText(/Query token i/), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "" } });
    expect(root().querySelector('[data-table="score-terms"]')).toBeNull();
    expect(root().textContent).toMatch(/Type a sentence/);
    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "red blue" } });
    expect(store.getState().query).toBeLessThan(2);
    expect(store.getState().key).toBeLessThan(2);
    expect(termValues(root(), "score-terms")).toHaveLength(4);
  });
});
