import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { until, workerDrivers } from "../../../tests/support/browserTraining";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { MlpVersusAttentionFigureValue } from "./figureValue";
import { MlpVersusAttention } from "./MlpVersusAttention";
import "../../viz/palette.css";
import "../../viz/viz.css";

type Root = HTMLElement & { value: MlpVersusAttentionFigureValue };

describe("MlpVersusAttention in Chromium with the worker driver", () => {
  afterEach(() => cleanup());

  it("shows the committed checkpoint's curves and shifted table, then trains both models a few steps", async () => {
    const drivers = workerDrivers("cpu", { batchSize: 64, learningRate: 0.01 });
    render(
      <TrainingDriverProvider value={drivers}>
        <MlpVersusAttention id="mva-browser" />
      </TrainingDriverProvider>,
    );
    const root = document.getElementById("mva-browser") as Root;
    await until(() => root.value.source === "checkpoint" && root.value.shifted !== null, "the checkpoint");
    expect(root.value.backend).toBe("cpu");
    expect(root.value.shifted?.map((row) => row.name)).toHaveLength(3);
    // The row the MLP cannot take says so instead of a number.
    const missing = root.value.shifted?.find((row) => row.losses.mlp === null);
    expect(missing).toBeDefined();
    expect(root.querySelector(`tr[data-row="${missing?.name}"] [data-model="mlp"]`)?.textContent).toMatch(
      /^cannot take/,
    );
    const legend = Array.from(root.querySelectorAll(".dw-chart-legend li"), (li) => li.textContent);
    expect(legend[0]).toMatch(/^linear self-attention \(\d+ parameters\)$/);
    expect(legend[1]).toMatch(/^MLP \(\d+ parameters\)$/);

    await userEvent.click(root.querySelector(".dw-training-buttons button") as HTMLButtonElement);
    await until(() => root.value.source === "live" && root.value.step >= 10, "10 steps", 30_000);
    expect(Object.keys(root.value.latestLosses ?? {}).sort()).toEqual(["lsa", "mlp"]);
    const pause = Array.from(root.querySelectorAll("button")).find((b) => b.textContent === "Pause");
    await userEvent.click(pause as HTMLButtonElement);
    await until(() => root.value.status === "paused", "the pause");
  });
});
