import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { until, workerDrivers } from "../../../tests/support/browserTraining";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { TrainedGradientDescentFigureValue } from "./figureValue";
import { TrainedGradientDescent } from "./TrainedGradientDescent";
import "../../viz/palette.css";
import "../../viz/viz.css";

type Root = HTMLElement & { value: TrainedGradientDescentFigureValue };

describe("TrainedGradientDescent in Chromium with the worker driver", () => {
  afterEach(() => cleanup());

  it("shows the committed checkpoint, then trains a few dozen steps on WASM and pauses", async () => {
    const drivers = workerDrivers("wasm", { batchSize: 64, learningRate: 0.01 });
    render(
      <TrainingDriverProvider value={drivers}>
        <TrainedGradientDescent id="gd-browser" />
      </TrainingDriverProvider>,
    );
    const root = document.getElementById("gd-browser") as Root;
    await until(() => root.value.source === "checkpoint", "the checkpoint");
    expect(root.value.backend).toBe("wasm");
    expect(root.value.step).toBe(2000);
    // The checkpoint's layer does one gradient step at nearly the best rate.
    expect(root.value.impliedEta).toBeGreaterThan(0.9 * root.value.optimalEta);
    expect(root.value.impliedEta).toBeLessThan(1.1 * root.value.optimalEta);
    const readout = root.querySelector('[data-readout="implied-eta"]')?.textContent ?? "";
    expect(readout).toMatch(
      /^implied learning rate 1\.\d\d \(optimal 1\.52\), A is within \d+(\.\d)? % of η·I$/,
    );
    expect(root.querySelector(".dw-training-backend")?.getAttribute("data-backend")).toBe("wasm");

    await userEvent.click(root.querySelector(".dw-training-buttons button") as HTMLButtonElement);
    await until(() => root.value.source === "live" && root.value.step >= 30, "30 steps", 30_000);
    const panel = root.querySelector('[data-kind="loss"]') as HTMLElement;
    expect(Number(panel.dataset.history)).toBeGreaterThanOrEqual(30);
    expect(root.querySelector('[data-readout="progress"]')?.textContent).toMatch(
      /^step \d+ \/ 2000 · loss \d/,
    );

    const pause = Array.from(root.querySelectorAll("button")).find((b) => b.textContent === "Pause");
    await userEvent.click(pause as HTMLButtonElement);
    await until(() => root.value.status === "paused", "the pause");
    // The buttons answer at once; steps already under way in the worker still report. After
    // those, the step count must stand still.
    await new Promise((r) => setTimeout(r, 300));
    const pausedAt = root.value.step;
    await new Promise((r) => setTimeout(r, 500));
    expect(root.value.step).toBe(pausedAt);
  });
});
