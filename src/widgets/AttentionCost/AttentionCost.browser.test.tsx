import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { createEngine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionCost } from "./AttentionCost";
import type { AttentionCostFigureValue } from "./figureValue";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: AttentionCostFigureValue };

/** Resolves once `done(value)` holds, checking at every `input` event the figure fires. */
function until(root: FigureElement, done: (v: AttentionCostFigureValue) => boolean, timeoutMs = 100_000) {
  return new Promise<AttentionCostFigureValue>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
    const check = () => {
      if (!done(root.value)) return;
      clearTimeout(timer);
      root.removeEventListener("input", check);
      resolve(root.value);
    };
    root.addEventListener("input", check);
    check();
  });
}

describe("AttentionCost in Chromium", () => {
  afterEach(() => cleanup());

  it("measures real backends on the reader's click and keeps the points after Stop", async () => {
    const engine = createEngine();
    render(
      <EngineProvider value={engine}>
        <AttentionCost id="cost-live" d={8} />
      </EngineProvider>,
    );
    const root = document.getElementById("cost-live") as FigureElement;
    expect(root.value.points).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Measure on this device" }));
    const running = await until(root, (v) => v.points.length >= 2);
    expect(running.running).toBe(true);
    const first = running.points[0];
    expect(first.n).toBe(16);
    expect(first.d).toBe(8);
    expect(first.ms).toBeGreaterThan(0);
    expect(["webgpu", "webgl", "wasm", "cpu"]).toContain(first.backend);
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    const stopped = await until(root, (v) => !v.running);
    expect(stopped.stopped).toBe(true);
    expect(stopped.points.length).toBeGreaterThanOrEqual(2);
    expect(root.querySelector(`.dw-chart-series[data-id="${first.backend}"]`)).not.toBeNull();
    expect(root.querySelector(`.dw-chart-series[data-id="${first.backend}-n2"]`)).not.toBeNull();
    expect(root.querySelector("progress")).not.toBeNull();
  });
});
