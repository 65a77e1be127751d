import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { curve, fakeDrivers, startedWithCheckpoint } from "../../../tests/support/fakeTrainingDriver";
import { impliedLearningRate, rawSumLayer } from "../../core/impliedLearningRate";
import { constructGdLayer, type LsaLayer } from "../../core/linearSelfAttention";
import { type Matrix, matrix } from "../../core/matrix";
import { optimalOneStepGd } from "../../core/regressionReferences";
import { createRng } from "../../core/rng";
import type { GdSnapshot } from "../../core/training";
import { REGRESSION_TASK } from "../shared/regressionLines";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { TrainedGradientDescentFigureValue } from "./figureValue";
import { TrainedGradientDescent } from "./TrainedGradientDescent";

const D = 10;
const N = 10;
const ETA_STAR = optimalOneStepGd(REGRESSION_TASK).eta;

const mapped = (m: Matrix, f: (x: number, k: number) => number) => matrix(m.rows, m.cols, m.data.map(f));

/** The snapshot a trainer sends for a layer given in the training convention (sum normalised by 1/N). */
function snapshotOf(trained: LsaLayer): GdSnapshot {
  const implied = impliedLearningRate(trained, D);
  return {
    layer: rawSumLayer(trained, N),
    preconditioner: implied.preconditioner,
    impliedEta: implied.eta,
    offIdentity: implied.offIdentity,
  };
}

/** Part II's construction at rate η in the training convention (P = η·I), with W_Q·c and P/c. */
function construction(eta: number, c = 1): LsaLayer {
  const layer = constructGdLayer(D, 1, eta, N);
  return {
    ...layer,
    wq: mapped(layer.wq, (x) => x * c),
    projection: mapped(layer.projection, (x) => (x * N) / c),
  };
}

/** The construction at η = 1.45, every entry nudged by seeded noise: nearly, not exactly, a GD step. */
function nearlyTrained(): LsaLayer {
  const rng = createRng(11);
  const nudge = (m: Matrix) => mapped(m, (x) => x + 0.01 * rng.normal());
  const layer = construction(1.45);
  return {
    wk: nudge(layer.wk),
    wq: nudge(layer.wq),
    wv: nudge(layer.wv),
    projection: nudge(layer.projection),
  };
}

const HISTORY = curve(2000, (_, step) => 0.83 + 0.9 * Math.exp(-step / 300), ["lsa"]);

function mount(snapshot: GdSnapshot, ids: string[] = ["gd"]) {
  const drivers = fakeDrivers<GdSnapshot>({
    after: { start: () => startedWithCheckpoint(snapshot, HISTORY, { lsa: 0.8312 }, { lsa: 484 }) },
  });
  const view = render(
    <TrainingDriverProvider value={drivers}>
      {ids.map((id) => (
        <TrainedGradientDescent key={id} id={id} seed={4} />
      ))}
    </TrainingDriverProvider>,
  );
  const root = (id = ids[0]) =>
    document.getElementById(id) as HTMLElement & { value: TrainedGradientDescentFigureValue };
  return { drivers, view, root };
}

const readout = (root: HTMLElement, name: string) =>
  root.querySelector(`[data-readout="${name}"]`) as HTMLElement;
const cellLabels = (root: HTMLElement, kind: string) =>
  Array.from(root.querySelectorAll(`[data-kind="${kind}"] rect[role="gridcell"]`), (c) =>
    c.getAttribute("aria-label"),
  );

describe("TrainedGradientDescent (scripted driver in jsdom)", () => {
  it("draws the checkpoint at once: its curve, both reference lines, the readouts and the matrices", async () => {
    const snapshot = snapshotOf(nearlyTrained());
    const { root, drivers } = mount(snapshot);
    await waitFor(() => expect(root().value.source).toBe("checkpoint"));
    expect(drivers.created).toHaveLength(1);
    expect(drivers.created[0].experiment).toBe("gd");
    expect(drivers.created[0].types()).toEqual(["start"]);

    const panel = root().querySelector('[data-kind="loss"]') as HTMLElement;
    expect(panel.dataset.history).toBe("2000");
    const lsaPath = panel.querySelector('.dw-chart-series[data-id="lsa"] path')?.getAttribute("d") ?? "";
    // 2000 steps drawn as at most 400 averaged points.
    expect((lsaPath.match(/L/g) ?? []).length + 1).toBe(400);
    const legend = Array.from(panel.querySelectorAll(".dw-chart-legend li"), (li) => li.textContent);
    expect(legend).toEqual([
      "linear self-attention (484 parameters)",
      "predicting 0: 1.67",
      "one gradient step, best learning rate: 0.82",
    ]);
    expect(panel.querySelector("desc")?.textContent).toMatch(
      /linear self-attention \(484 parameters\) \(solid line\)/,
    );

    // Six heatmaps: M, B and A, learned and constructed.
    for (const kind of ["scores", "values", "preconditioner"]) {
      expect(cellLabels(root(), `${kind}-learned`).length).toBeGreaterThan(0);
      expect(cellLabels(root(), `${kind}-constructed`).length).toBe(
        cellLabels(root(), `${kind}-learned`).length,
      );
    }
    expect(cellLabels(root(), "scores-learned")).toHaveLength((D + 1) ** 2);
    expect(cellLabels(root(), "preconditioner-learned")).toHaveLength(D * D);
    expect(readout(root(), "evaluation").textContent).toBe(
      "Loss on the evaluation tasks 0.83; one gradient step with the best learning rate reaches 0.82.",
    );
  });

  it("reads the implied learning rate of the layer on screen, as impliedLearningRate computes it", async () => {
    const trained = nearlyTrained();
    const { root } = mount(snapshotOf(trained));
    await waitFor(() => expect(root().value.source).toBe("checkpoint"));
    const expected = impliedLearningRate(trained, D);
    expect(expected.eta).toBeGreaterThan(1.3);
    expect(expected.offIdentity).toBeGreaterThan(0.001);
    const percent = expected.offIdentity * 100;
    const shown = percent < 1 ? percent.toFixed(1) : String(Math.round(percent));
    expect(readout(root(), "implied-eta").textContent).toBe(
      `implied learning rate ${expected.eta.toFixed(2)} (optimal 1.52), A is within ${shown} % of η·I`,
    );
    expect(Number(readout(root(), "implied-eta").dataset.value)).toBe(expected.eta);
    expect(root().value.impliedEta).toBe(expected.eta);
    expect(root().value.optimalEta).toBeCloseTo(50 / 33, 12);
  });

  it("a layer that is the construction at η*, whatever its W_Q scale, looks exactly like it", async () => {
    // W_Q·3 with P/3 is the same layer: the balanced products must not show the difference.
    const { root } = mount(snapshotOf(construction(ETA_STAR, 3)));
    await waitFor(() => expect(root().value.source).toBe("checkpoint"));
    for (const kind of ["scores", "values", "preconditioner"]) {
      expect(cellLabels(root(), `${kind}-learned`)).toEqual(cellLabels(root(), `${kind}-constructed`));
    }
    expect(readout(root(), "implied-eta").textContent).toBe(
      "implied learning rate 1.52 (optimal 1.52), A is within 0.0 % of η·I",
    );
  });

  it("training from scratch redraws the curve and the readouts from the run", async () => {
    const { root, drivers } = mount(snapshotOf(nearlyTrained()));
    await waitFor(() => expect(root().value.source).toBe("checkpoint"));
    const driver = drivers.created[0];
    fireEvent.click(screen.getByRole("button", { name: "Train from scratch" }));
    expect(driver.commands.slice(1)).toEqual([{ type: "reset", seed: 4 }, { type: "run" }]);
    const early = snapshotOf(construction(0.2));
    act(() => {
      driver.emit({ type: "reset", seed: 4, snapshot: early });
      driver.emit({
        type: "progress",
        step: 50,
        points: curve(50, () => 1.5, ["lsa"]),
        stepsPerSecond: 40,
        snapshot: early,
      });
    });
    const panel = root().querySelector('[data-kind="loss"]') as HTMLElement;
    expect(panel.dataset.history).toBe("50");
    expect(readout(root(), "implied-eta").textContent).toMatch(
      /^implied learning rate 0\.20 \(optimal 1\.52\)/,
    );
    expect(readout(root(), "progress").textContent).toBe("step 50 / 2000 · loss 1.50 · about 49 s left");
    expect(root().value).toMatchObject({ source: "live", step: 50, historyLength: 50 });
    expect(root().value.impliedEta).toBeCloseTo(0.2, 12);
  });

  it("two instances on one page train independently, and unmounting frees each driver", async () => {
    const { root, drivers, view } = mount(snapshotOf(nearlyTrained()), ["first", "second"]);
    await waitFor(() => expect(root("second").value.source).toBe("checkpoint"));
    expect(drivers.created).toHaveLength(2);
    const [first, second] = drivers.created;
    fireEvent.click(within(root("first")).getByRole("button", { name: "Train from scratch" }));
    expect(first.types()).toEqual(["start", "reset", "run"]);
    expect(second.types()).toEqual(["start"]);
    act(() =>
      first.emit({ type: "progress", step: 3, points: curve(3, () => 1.6, ["lsa"]), stepsPerSecond: 30 }),
    );
    expect(readout(root("first"), "progress").textContent).toMatch(/^step 3 \/ 2000/);
    expect(readout(root("second"), "progress").textContent).toBe("step 2000 / 2000 · loss 0.83");
    view.unmount();
    expect(first.disposed && second.disposed).toBe(true);
  });
});
