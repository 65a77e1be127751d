import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionExplorer } from "./AttentionExplorer";
import type { AttentionFigureValue } from "./figureValue";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: AttentionFigureValue };

function renderExplorer(initialText: string) {
  const view = render(
    <EngineProvider value={createCoreEngine()}>
      <AttentionExplorer id="steps" initialText={initialText} stepByStep />
    </EngineProvider>,
  );
  return view.container.querySelector("#steps") as FigureElement;
}

const sums = (rows: number[][]) => rows.map((r) => r.reduce((s, w) => s + w, 0));
const columnSums = (rows: number[][]) => sums(rows[0].map((_, j) => rows.map((r) => r[j])));
const readout = (root: HTMLElement, which: "sums" | "hull") =>
  root.querySelector(`[data-readout="${which}"]`)?.textContent ?? "";

/** Waits until the figure shows a result computed with the settings `check` expects. */
async function landed(root: FigureElement, check: (v: AttentionFigureValue) => boolean) {
  await waitFor(() => expect(root.value.weights !== null && check(root.value)).toBe(true), SLOW);
  return root.value;
}

function expectMatchesCore(value: AttentionFigureValue) {
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
  expect(value.weights?.flat()).toEqual(Array.from(reference.weights.data));
}

describe("AttentionExplorer, step by step", () => {
  it("column-wise softmax: columns sum to 1, rows do not, and the readout says so", async () => {
    const root = renderExplorer("red green blue");
    const rows = await landed(root, (v) => v.normalisation === "rows");
    for (const s of sums(rows.weights ?? [])) expect(s).toBeCloseTo(1, 12);
    expect(readout(root, "sums")).toMatch(/^Row sums: all 1\.00\. Column sums: (?!all)/);

    fireEvent.click(screen.getByLabelText("each column"));
    const columns = await landed(root, (v) => v.normalisation === "columns" && v.weights !== rows.weights);
    await waitFor(() => expect(readout(root, "sums")).toMatch(/Column sums: all 1\.00\.$/), SLOW);
    for (const s of columnSums(columns.weights ?? [])) expect(s).toBeCloseTo(1, 12);
    expect(sums(columns.weights ?? []).some((s) => Math.abs(s - 1) > 0.01)).toBe(true);
    expectMatchesCore(columns);
    expect(screen.getByRole("region", { name: /softmax\(QKᵀ\/√d\), column by column/ })).toBeTruthy();

    fireEvent.click(screen.getByLabelText("the whole matrix"));
    const all = await landed(root, (v) => v.normalisation === "all");
    expect(sums([sums(all.weights ?? [])])[0]).toBeCloseTo(1, 12);
    expectMatchesCore(all);
  }, 30_000);

  it("says the output is in the hull of the values for rows, and can leave it for columns", async () => {
    const root = renderExplorer("red green blue");
    await landed(root, (v) => v.normalisation === "rows");
    await waitFor(
      () =>
        expect(readout(root, "hull")).toBe(
          "The output of “red” lies inside the convex hull of the values: yes.",
        ),
      SLOW,
    );
    fireEvent.click(screen.getByLabelText("each column"));
    await waitFor(
      () =>
        expect(readout(root, "hull")).toBe(
          "The output of “red” lies inside the convex hull of the values: no (its row of weights need not sum to 1).",
        ),
      SLOW,
    );
  });

  it("the causal mask zeroes the upper triangle", async () => {
    const root = renderExplorer("one two three four");
    await landed(root, (v) => !v.causal);
    fireEvent.click(screen.getByLabelText(/Causal mask/));
    const value = await landed(root, (v) => v.causal && v.weights?.[0][1] === 0);
    (value.weights ?? []).forEach((row, i) => {
      row.forEach((w, j) => {
        if (j > i) expect(w).toBe(0);
        else expect(w).toBeGreaterThan(0);
      });
    });
    expectMatchesCore(value);
  });

  it("hiding a token as a key zeroes its column, hatches it, and keeps rows summing to 1", async () => {
    const root = renderExplorer("one two three four");
    const before = await landed(root, (v) => !v.maskedKeys[2]);
    expect(before.weights?.[0][2]).toBeGreaterThan(0);
    fireEvent.click(screen.getByLabelText("Hide “three” (token 3) as a key"));
    const value = await landed(root, (v) => v.maskedKeys[2] && v.weights?.[0][2] === 0);
    for (const row of value.weights ?? []) expect(row[2]).toBe(0);
    for (const s of sums(value.weights ?? [])) expect(s).toBeCloseTo(1, 12);
    expectMatchesCore(value);
    await waitFor(() => {
      const cell = root.querySelector('[data-kind="weights"] [data-row="1"][data-col="2"]');
      expect(cell?.getAttribute("aria-label")).toMatch(/masked/);
    }, SLOW);
  });

  it("with every key hidden, the weights are all 0, nothing is NaN, and the readout explains", async () => {
    const root = renderExplorer("red green blue");
    await landed(root, () => true);
    for (const token of ["red", "green", "blue"]) {
      fireEvent.click(screen.getByLabelText(new RegExp(`Hide “${token}”`)));
    }
    const value = await landed(
      root,
      (v) => v.maskedKeys.every(Boolean) && (v.weights ?? []).flat().every((w) => w === 0),
    );
    expect((value.out ?? []).flat().every((o) => o === 0)).toBe(true);
    expect(root.textContent).not.toMatch(/NaN/);
    await waitFor(() => expect(readout(root, "hull")).toMatch(/^“red” has no key left to attend to/), SLOW);
    expect(readout(root, "sums")).toBe("Row sums: all 0.00. Column sums: all 0.00.");
  });

  it("unticking “Divide scores by √d” multiplies the scores by √2 here", async () => {
    const root = renderExplorer("red green blue");
    const scaled = await landed(root, (v) => v.scale);
    fireEvent.click(screen.getByLabelText("Divide scores by √d"));
    const unscaled = await landed(root, (v) => !v.scale && v.scores !== scaled.scores);
    (unscaled.scores ?? []).flat().forEach((s, k) => {
      expect(s).toBeCloseTo((scaled.scores ?? []).flat()[k] * Math.SQRT2, 9);
    });
    expect(screen.getByRole("region", { name: "Scores QKᵀ" })).toBeTruthy();
  });

  it("starts closed unless asked to open", () => {
    const { container } = render(
      <EngineProvider value={createCoreEngine()}>
        <AttentionExplorer id="closed" initialText="a b" />
      </EngineProvider>,
    );
    expect(container.querySelector("details.dw-steps")?.hasAttribute("open")).toBe(false);
  });
});
