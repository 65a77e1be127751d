import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { until, workerDrivers } from "../../../tests/support/browserTraining";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { InductionHeadsFigureValue } from "./figureValue";
import { InductionHeads } from "./InductionHeads";
import "../../viz/palette.css";
import "../../viz/viz.css";

type Root = HTMLElement & { value: InductionHeadsFigureValue };

describe("InductionHeads in Chromium with the worker driver", () => {
  afterEach(() => cleanup());

  it("the pretrained 2-layer model copies the reader's sequence; training from scratch runs and pauses", async () => {
    const drivers = workerDrivers("wasm", { batchSize: 8 });
    render(
      <TrainingDriverProvider value={drivers}>
        <InductionHeads id="ih-browser" />
      </TrainingDriverProvider>,
    );
    const root = document.getElementById("ih-browser") as Root;
    await until(() => root.value.source === "checkpoint", "the checkpoint");
    expect(root.value.backend).toBe("wasm");
    // Six heads (2 layers × 2 heads, 1 layer × 2 heads), each a T × T map of the fixed sequence.
    const heads = root.querySelectorAll(".dw-ih-head");
    expect(heads).toHaveLength(6);
    const length = root.value.probeTokens?.length ?? 0;
    expect(heads[0].querySelectorAll('rect[role="gridcell"]')).toHaveLength(length * length);

    const field = root.querySelector(".dw-ih-probe input") as HTMLInputElement;
    await userEvent.fill(field, "dkfaomh dkfaomh");
    await until(() => root.value.reader.predictions !== null, "the probe", 20_000);
    const { twoLayer, oneLayer } = root.value.reader.predictions ?? {};
    expect(twoLayer?.repeated).toBe(6);
    // Trained, the 2-layer model copies (nearly) every repeated token; the 1-layer one cannot do as well.
    expect(twoLayer?.correct).toBeGreaterThanOrEqual(5);
    expect(oneLayer?.correct).toBeLessThan(twoLayer?.correct ?? 0);
    expect(root.querySelector('[data-kind="heads"]')?.getAttribute("data-sequence")).toBe("yours");

    await userEvent.click(root.querySelector(".dw-training-buttons button") as HTMLButtonElement);
    await until(() => root.value.source === "live" && root.value.step >= 10, "10 steps", 30_000);
    expect(Object.keys(root.value.latestLosses ?? {}).sort()).toEqual(["oneLayer", "twoLayer"]);
    const pause = Array.from(root.querySelectorAll("button")).find((b) => b.textContent === "Pause");
    await userEvent.click(pause as HTMLButtonElement);
    await until(() => root.value.status === "paused", "the pause");
  });
});
