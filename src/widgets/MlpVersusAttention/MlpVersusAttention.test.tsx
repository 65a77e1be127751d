import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { curve, fakeDrivers, startedWithCheckpoint } from "../../../tests/support/fakeTrainingDriver";
import { oneStepGdLoss, optimalOneStepGd, zeroPredictorLoss } from "../../core/regressionReferences";
import type { MlpSnapshot, ShiftRow } from "../../core/training";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { MlpVersusAttentionFigureValue } from "./figureValue";
import { MlpVersusAttention } from "./MlpVersusAttention";

const task = (inputScale: number, examples: number) => ({ examples, inputDim: 10, inputScale });
const row = (
  name: string,
  lsa: number,
  mlp: number | null,
  inputScale: number,
  examples: number,
): ShiftRow => ({
  name,
  losses: { lsa, mlp },
  zeroPredictor: zeroPredictorLoss(task(inputScale, examples)),
  optimalGd: optimalOneStepGd(task(inputScale, examples)).loss,
  gdAtLearnedEta: oneStepGdLoss(1.5, task(inputScale, examples)),
});
const SNAPSHOT: MlpSnapshot = {
  shifted: [
    row("as in training", 0.84, 1.21, 1, 10),
    row("inputs twice as large", 13.2, 25.7, 2, 10),
    row("20 examples", 0.52, null, 1, 20),
  ],
};
const HISTORY = curve(1500, (model, step) => (model === "lsa" ? 0.84 : 1.2) + Math.exp(-step / 200), [
  "lsa",
  "mlp",
]);

function mount() {
  const drivers = fakeDrivers<MlpSnapshot>({
    after: {
      start: () => startedWithCheckpoint(SNAPSHOT, HISTORY, { lsa: 0.84, mlp: 1.21 }, { lsa: 484, mlp: 489 }),
    },
  });
  render(
    <TrainingDriverProvider value={drivers}>
      <MlpVersusAttention id="mva" />
    </TrainingDriverProvider>,
  );
  const root = document.getElementById("mva") as HTMLElement & { value: MlpVersusAttentionFigureValue };
  return { drivers, root };
}

const cells = (tr: HTMLElement) =>
  within(tr)
    .getAllByRole("cell")
    .map((td) => td.textContent);

describe("MlpVersusAttention (scripted driver in jsdom)", () => {
  it("draws both curves with their parameter counts and the two reference lines from the checkpoint", async () => {
    const { root } = mount();
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    const panel = root.querySelector('[data-kind="loss"]') as HTMLElement;
    expect(panel.dataset.history).toBe("1500");
    for (const id of ["lsa", "mlp", "zero", "optimal-gd"]) {
      expect(panel.querySelector(`.dw-chart-series[data-id="${id}"] path`)?.getAttribute("d")).toMatch(/^M/);
    }
    expect(Array.from(panel.querySelectorAll(".dw-chart-legend li"), (li) => li.textContent)).toEqual([
      "linear self-attention (484 parameters)",
      "MLP (489 parameters)",
      "predicting 0: 1.67",
      "one gradient step, best learning rate: 0.82",
    ]);
    expect(panel.querySelector('.dw-chart-series[data-id="mlp"]')?.getAttribute("data-kind")).toBe("steps");
    expect(screen.getByText("step 1500 / 1500 · loss: attention 0.84, MLP 1.20")).toBeTruthy();
  });

  it("tabulates the shifted tests: both losses, the references, and the MLP's missing room for 20 examples", async () => {
    const { root } = mount();
    const table = (await screen.findByRole("table")) as HTMLTableElement;
    expect(table.caption?.textContent).toMatch(/tasks unlike the training tasks/);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "as in training",
      "inputs twice as large",
      "20 examples",
    ]);
    expect(cells(rows[0])).toEqual(["0.84", "1.21", "1.67", "0.82", "0.82"]);
    // The layer's own step size, learned on inputs in [−1, 1], overshoots on inputs twice as large.
    expect(cells(rows[1])).toEqual([
      "13.20",
      "25.70",
      "6.67",
      SNAPSHOT.shifted[1].optimalGd.toFixed(2),
      SNAPSHOT.shifted[1].gdAtLearnedEta.toFixed(2),
    ]);
    expect(SNAPSHOT.shifted[1].gdAtLearnedEta).toBeGreaterThan(30);
    expect(cells(rows[2])[1]).toBe("cannot take 20 examples");
    // The lower loss of a row is marked in bold, not by colour.
    expect(rows[1].querySelector('[data-model="lsa"] strong')?.textContent).toBe("13.20");
    expect(rows[2].querySelector("strong")).toBeNull();
    expect(root.value.shifted?.[2].losses.mlp).toBeNull();
  });

  it("keeps training both models on one driver: Train, progress for both, and new shifted rows", async () => {
    const { root, drivers } = mount();
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    const driver = drivers.created[0];
    expect(driver.experiment).toBe("mlp");
    fireEvent.click(screen.getByRole("button", { name: "Train from scratch" }));
    expect(driver.types()).toEqual(["start", "reset", "run"]);
    const later: MlpSnapshot = { shifted: [row("as in training", 1.5, 1.6, 1, 10)] };
    act(() => {
      driver.emit({ type: "reset", seed: 1, snapshot: SNAPSHOT });
      driver.emit({
        type: "progress",
        step: 20,
        points: curve(20, (m) => (m === "lsa" ? 1.5 : 1.62), ["lsa", "mlp"]),
        stepsPerSecond: 20,
        snapshot: later,
      });
    });
    expect(
      screen.getByText("step 20 / 1500 · loss: attention 1.50, MLP 1.62 · about 74 s left"),
    ).toBeTruthy();
    expect(within(screen.getByRole("table")).getAllByRole("row")).toHaveLength(2);
    expect(root.value.latestLosses).toEqual({ lsa: 1.5, mlp: 1.62 });
  });
});
