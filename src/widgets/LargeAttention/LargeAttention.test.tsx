import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attention } from "../../core/attention";
import { poolMatrix } from "../../core/pooledAttention";
import type { BackendInfo, Engine, LargeAttentionParams } from "../../engine";
import type { LargeAttentionStoreProps } from "../../state/largeAttentionSettings";
import { createLargeAttentionStore } from "../../state/largeAttentionStore";
import { EngineProvider } from "../shared/EngineContext";
import type { LargeAttentionFigureValue } from "./figureValue";
import { LargeAttentionView } from "./LargeAttention";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: LargeAttentionFigureValue };
type Job = { params: LargeAttentionParams; release(): void };

/** The core engine, but each largeAttention job waits until the test releases it. */
function heldEngine() {
  const core = createCoreEngine();
  const jobs: Job[] = [];
  const engine: Engine = {
    ...core,
    largeAttention(params) {
      return new Promise((resolve) => {
        jobs.push({ params, release: () => void core.largeAttention(params).then(resolve) });
      });
    },
  };
  return { engine, jobs };
}

function renderFigure(props: LargeAttentionStoreProps = {}, engine: Engine = createCoreEngine()) {
  const store = createLargeAttentionStore(props);
  const view = render(
    <EngineProvider value={engine}>
      <LargeAttentionView id="large" store={store} />
    </EngineProvider>,
  );
  const root = () => view.container.querySelector("#large") as FigureElement;
  return { store, root, view };
}

async function nextResult(root: () => FigureElement, after: number) {
  await waitFor(() => expect(root().value.resultVersion).toBeGreaterThan(after), SLOW);
  return root().value;
}

const handles = (root: HTMLElement) => root.querySelectorAll<SVGGElement>(".dw-chart-handle");
const frames = (root: HTMLElement) => root.querySelectorAll<HTMLElement>(".dw-pooled-frame");

describe("LargeAttention (core engine in jsdom)", () => {
  it("draws the tokens, draggable centres and both pooled matrices, equal to core's pooling", async () => {
    const { root, store } = renderFigure({ n: 512, d: 8, k: 3, seed: 2 });
    const value = await nextResult(root, 0);
    expect(handles(root())).toHaveLength(3);
    expect(handles(root())[0].getAttribute("role")).toBe("slider");
    expect(handles(root())[0].getAttribute("aria-label")).toBe("cluster 1 centre");
    // 512 tokens, every second one drawn.
    expect(root().querySelectorAll('.dw-chart-series[data-id="tokens"] .dw-chart-point')).toHaveLength(256);
    const s = store.getState();
    const full = attention({ x: s.x, ...s.head });
    const expected = poolMatrix(full.weights, { ...s.view, maxPixels: 256, pooling: "max" });
    expect(value.result?.weights.image.flat()).toEqual(Array.from(expected.image.data));
    expect(value.result?.weights.rowEdges).toEqual([...expected.rowEdges]);
    expect(value.result?.view.maxPixels).toBe(256);
    expect(frames(root())).toHaveLength(2);
    expect(frames(root())[1].getAttribute("aria-label")).toBe("Weights softmax(QKᵀ/√d), n = 512");
    expect(root().querySelector(".dw-large-update")?.textContent).toMatch(
      /CPU \(test: computed by src\/core\)/,
    );
    // The core engine reports what a real backend would read back: two pooled images, a row, outputs.
    const bytes = value.result?.bytesRead ?? 0;
    expect(bytes).toBeGreaterThan(2 * 256 * 256 * 4);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(root().querySelector('[data-readout="bytes"]')?.textContent).toBe(
      `${(bytes / 1024).toFixed(1)} KiB read back`,
    );
  });

  it("moves a dragged centre at once while a job is pending, then submits only the newest input", async () => {
    const { engine, jobs } = heldEngine();
    const { root, store } = renderFigure({ n: 64, d: 8, k: 2, seed: 5 }, engine);
    await waitFor(() => expect(jobs).toHaveLength(1), SLOW);
    const handle = handles(root())[0];
    const startX = store.getState().centres[0][0];
    handle.focus();
    for (let step = 1; step <= 5; step++) {
      fireEvent.keyDown(handle, { key: "ArrowRight" });
      // The centre moved in this very event, with the first job still running.
      expect(store.getState().centres[0][0]).toBeCloseTo(startX + 0.05 * step, 9);
      expect(handle.getAttribute("aria-valuetext")).toMatch(
        new RegExp(`^x = ${(startX + 0.05 * step).toFixed(2)},`),
      );
    }
    expect(jobs).toHaveLength(1);
    expect(root().value.resultVersion).toBe(0);
    await act(async () => jobs[0].release());
    await waitFor(() => expect(jobs).toHaveLength(2), SLOW);
    // The one job sent after the pending one is for the newest centres, not one per key press.
    expect(jobs[1].params.attention.x).toBe(store.getState().x);
    await act(async () => jobs[1].release());
    const value = await nextResult(root, 1);
    expect(value.resultVersion).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(jobs).toHaveLength(2);
  });

  it("reads the hovered entry's weight back exactly", async () => {
    const { root, store } = renderFigure({ n: 32, d: 8, k: 2, seed: 1 });
    const first = await nextResult(root, 0);
    const weights = frames(root())[1];
    act(() => weights.focus());
    fireEvent.keyDown(weights, { key: "ArrowDown" });
    fireEvent.keyDown(weights, { key: "ArrowRight", shiftKey: true });
    await waitFor(() => expect(root().value.hoveredWeight).not.toBeNull(), SLOW);
    const s = store.getState();
    const full = attention({ x: s.x, ...s.head });
    expect(s.hover).toEqual({ row: 1, col: 8 });
    expect(root().value.hoveredWeight).toBe(full.weights.data[1 * 32 + 8]);
    expect(screen.getByText(/A\[1\]\[8\] = .* exactly/)).not.toBeNull();
    expect(root().value.resultVersion).toBeGreaterThan(first.resultVersion);
  });

  it("zooms both matrices together into a block, computed for that block", async () => {
    const { root } = renderFigure({ n: 64, d: 8, k: 2 });
    const first = await nextResult(root, 0);
    const scores = frames(root())[0];
    act(() => scores.focus());
    fireEvent.keyDown(scores, { key: "+" });
    let zoomed = await nextResult(root, first.resultVersion);
    while (zoomed.result?.view.rows !== 32) zoomed = await nextResult(root, zoomed.resultVersion);
    expect(zoomed.result.weights.image).toHaveLength(32);
    for (const summary of root().querySelectorAll(".dw-pooled-summary")) {
      expect(summary.textContent).toMatch(/queries i = 0…31, keys j = 0…31 of the 64 × 64 matrix/);
    }
  });

  it("says when n is past a forced backend's cap, keeping the last picture and sending nothing", async () => {
    const core = createCoreEngine();
    const info: BackendInfo = {
      ...(core.info() as BackendInfo),
      name: "cpu",
      forced: true,
      reason: "forced by ?backend=cpu",
    };
    let calls = 0;
    const engine: Engine = {
      ...core,
      info: () => info,
      limits: () => ({ webgpu: 4096, webgl: 4096, wasm: 2048, cpu: 32 }),
      largeAttention(p) {
        calls += 1;
        return core.largeAttention(p);
      },
    };
    const { root } = renderFigure({ n: 32, d: 8 }, engine);
    const first = await nextResult(root, 0);
    expect(first.result?.n).toBe(32);
    fireEvent.change(screen.getByLabelText(/Tokens n = 32/), { target: { value: "3" } });
    await waitFor(
      () => expect(root().value.limit).toMatch(/CPU takes at most n = 32 tokens here; n = 64/),
      SLOW,
    );
    expect(screen.getByRole("alert").textContent).toMatch(/keeps showing n = 32/);
    expect(root().value.result?.n).toBe(32);
    expect(frames(root())).toHaveLength(2);
    const sent = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(sent);
  });
});
