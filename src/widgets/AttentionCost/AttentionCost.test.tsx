import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import type { AttentionWork, BackendName, CostSample, Engine } from "../../engine";
import { createCostStore } from "../../state/largeAttentionCostStore";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionCostView } from "./AttentionCost";
import type { AttentionCostFigureValue } from "./figureValue";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: AttentionCostFigureValue };

/** Made-up but shaped like a device: the GPU pays a fixed cost, WASM grows as n² and gets slow. */
const MS: Record<string, (n: number) => number> = {
  webgpu: (n) => 2 + n * n * 1e-6,
  wasm: (n) => (n * n) / 100,
  cpu: (n) => (n * n) / 500,
};

function fakeEngine(hold = false) {
  const calls: { backend: BackendName; work: AttentionWork }[] = [];
  const pending: (() => void)[] = [];
  let availableCalls = 0;
  const engine: Engine = {
    ...createCoreEngine(),
    available: async () => {
      availableCalls += 1;
      return ["webgpu", "wasm", "cpu"];
    },
    limits: () => ({ webgpu: 4096, webgl: 4096, wasm: 4096, cpu: 256 }),
    measureAttention(backend, work) {
      calls.push({ backend, work });
      const sample: CostSample = { backend, work, ms: MS[backend](work.n) };
      if (!hold) return Promise.resolve(sample);
      return new Promise((resolve) => pending.push(() => resolve(sample)));
    },
  };
  return { engine, calls, pending, availableCalls: () => availableCalls };
}

function renderCost(engine: Engine) {
  const store = createCostStore();
  const view = render(
    <EngineProvider value={engine}>
      <AttentionCostView id="cost" store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector("#cost") as FigureElement;
  return { root, store };
}

const cell = (root: HTMLElement, backend: string, n: number) =>
  root.querySelector(`[data-table="results"] td[data-backend="${backend}"][data-n="${n}"]`)?.textContent;

describe("AttentionCost (jsdom)", () => {
  it("measures nothing until the reader asks", async () => {
    const fake = fakeEngine();
    const { root } = renderCost(fake.engine);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.calls).toHaveLength(0);
    expect(fake.availableCalls()).toBe(0);
    expect(root().querySelector("progress")).toBeNull();
    expect(root().value.points).toEqual([]);
    // The memory table needs no measurement: 4096² float32 entries are 64 MiB, twice that for both.
    const memory = root().querySelector('[data-table="memory"] tbody tr:last-child')?.textContent;
    expect(memory).toBe("409616,777,21664.00 MiB128.00 MiB");
  });

  it("times every available backend up to its cap, stops a series after a 2 s update, and plots it log–log", async () => {
    const fake = fakeEngine();
    const { root } = renderCost(fake.engine);
    fireEvent.click(screen.getByRole("button", { name: "Measure on this device" }));
    await waitFor(() => expect(root().value.running).toBe(false), SLOW);
    const value = root().value;
    const count = (b: string) => value.points.filter((p) => p.backend === b).length;
    expect([count("webgpu"), count("wasm"), count("cpu")]).toEqual([9, 6, 5]);
    expect(value.slowAt).toEqual({ wasm: 512 });
    expect(value.cappedAt).toEqual({ webgpu: null, wasm: null, cpu: 512 });
    expect(fake.calls[0]).toEqual({ backend: "webgpu", work: { n: 16, dModel: 64, dK: 64 } });
    expect(value.progress).toEqual({ backend: "cpu", n: 256, done: 23, total: 23 });
    expect(screen.getByText("Done: 23 of 23 sizes")).not.toBeNull();
    expect(cell(root(), "cpu", 512)).toBe("over its cap");
    expect(cell(root(), "wasm", 1024)).toBe("skipped (> 2 s)");
    expect(cell(root(), "webgpu", 4096)).toBe((2 + 4096 * 4096 * 1e-6).toFixed(1));
    expect(screen.getByText(/WASM stopped after n = 512: one update took more than 2 s/)).not.toBeNull();
    expect(screen.getByText(/CPU takes at most n = 256/)).not.toBeNull();
    // One solid measured line and one dashed n² reference per backend; the x ticks name n.
    const ids = Array.from(root().querySelectorAll(".dw-chart-series"), (g) => g.getAttribute("data-id"));
    expect(ids).toEqual(["webgpu", "webgpu-n2", "wasm", "wasm-n2", "cpu", "cpu-n2"]);
    const ticks = Array.from(root().querySelectorAll("text.dw-chart-tick-x"), (t) => t.textContent);
    expect(ticks).toContain("16");
    expect(ticks).toContain("4096");
    expect(ticks.every((t) => Number(t) >= 16)).toBe(true);
  });

  it("Stop keeps what was measured and drops the answer in flight; a new run replaces the results", async () => {
    const fake = fakeEngine(true);
    const { root } = renderCost(fake.engine);
    fireEvent.change(screen.getByLabelText("Dimension d"), { target: { value: "16" } });
    fireEvent.click(screen.getByRole("button", { name: "Measure on this device" }));
    await waitFor(() => expect(fake.pending).toHaveLength(1), SLOW);
    await act(async () => fake.pending[0]());
    await waitFor(() => expect(fake.pending).toHaveLength(2), SLOW);
    expect(root().querySelector("progress")?.getAttribute("value")).toBe("1");
    expect(screen.getByText("WebGPU, n = 32: 1 of 23 sizes done")).not.toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    await act(async () => fake.pending[1]());
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1].work).toEqual({ n: 32, dModel: 16, dK: 16 });
    expect(root().value.points).toEqual([{ backend: "webgpu", n: 16, d: 16, ms: MS.webgpu(16) }]);
    expect(root().value.stopped).toBe(true);
    expect(screen.getByText("Stopped: 1 of 23 sizes")).not.toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Measure on this device" }));
    await waitFor(() => expect(fake.pending).toHaveLength(3), SLOW);
    expect(root().value.points).toEqual([]);
    expect(root().value.running).toBe(true);
  });
});
