import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { type FigureElement as FigureOf, nextResult as nextResultOf } from "../../../tests/support/figures";
import { attention } from "../../core/attention";
import { clusterHead, clusterTokens, liftTokens, tokenPositions } from "../../core/clusters";
import { poolMatrix } from "../../core/pooledAttention";
import { createEngine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import type { LargeAttentionFigureValue } from "./figureValue";
import { LargeAttention } from "./LargeAttention";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = FigureOf<LargeAttentionFigureValue>;
const version = (root: HTMLElement) => (root as FigureElement).value.resultVersion;
const nextResult = (root: FigureElement, after: number) => nextResultOf(root, after, version);

/** Core's attention on the figure's own tokens, rebuilt here from its settings. */
function coreOf(value: LargeAttentionFigureValue) {
  const tokens = clusterTokens(value.seed, value.n, value.d, value.k);
  const x = liftTokens(tokens, tokenPositions(tokens, value.centres));
  return attention({ x, ...clusterHead(value.seed, value.d), causal: value.causal });
}

function largestGap(shown: number[][], expected: Float64Array): number {
  return Math.max(
    ...shown.flat().map((v, k) => {
      const e = expected[k];
      if (!Number.isFinite(v) || !Number.isFinite(e)) return v === e ? 0 : Number.POSITIVE_INFINITY;
      return Math.abs(v - e);
    }),
  );
}

describe("LargeAttention in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("draws pooled scores and weights equal to core's, follows a real drag, and reads a hovered weight exactly", async () => {
    const engine = createEngine({ forced: "webgpu" });
    await engine.setBackend("webgpu");
    render(
      <EngineProvider value={engine}>
        <LargeAttention id="large-gpu" n={512} d={8} k={3} seed={4} causal />
      </EngineProvider>,
    );
    const root = document.getElementById("large-gpu") as FigureElement;
    const first = await nextResult(root, 0);
    if (!first.result) throw new Error("no result");
    expect(first.result.backend).toBe("webgpu");
    // 512 entries pooled into 256 pixels a side: blocks of 2 × 2, by max.
    expect(first.result.weights.image).toHaveLength(256);
    const full = coreOf(first);
    const view = { ...first.result.view, pooling: "max" as const };
    expect(largestGap(first.result.weights.image, poolMatrix(full.weights, view).image.data)).toBeLessThan(
      1e-3,
    );
    expect(largestGap(first.result.scores.image, poolMatrix(full.scores, view).image.data)).toBeLessThan(
      1e-3,
    );
    expect(first.result.bytesRead).toBeLessThanOrEqual(1024 * 1024);

    // Playwright's real mouse drags centre 1; the result on screen follows the moved tokens.
    const before = first.centres[0];
    await commands.pointerDrag("#large-gpu .dw-chart-handle >> nth=0 >> .dw-chart-handle-dot", 40, -30, 6);
    let moved = await nextResult(root, first.resultVersion);
    while (moved.result && moved.centres[0][0] === before[0])
      moved = await nextResult(root, moved.resultVersion);
    expect(moved.centres[0]).not.toEqual(before);
    const frames = root.querySelectorAll<HTMLElement>(".dw-pooled-frame");
    // Wait for the picture of the final position, then compare it with core again.
    let settled = moved;
    while (
      settled.result &&
      largestGap(settled.result.weights.image, poolMatrix(coreOf(settled).weights, view).image.data) > 1e-3
    ) {
      settled = await nextResult(root, settled.resultVersion);
    }

    // Hover the middle of the weights: the row comes back in full and the exact weight is core's.
    const box = frames[1].getBoundingClientRect();
    frames[1].dispatchEvent(
      new PointerEvent("pointermove", {
        clientX: box.left + box.width * 0.3,
        clientY: box.top + box.height * 0.6,
        bubbles: true,
      }),
    );
    let hovered = root.value;
    while (hovered.hoveredWeight === null) hovered = await nextResult(root, hovered.resultVersion);
    const { row, col } = hovered.hover ?? { row: -1, col: -1 };
    expect(row).toBeGreaterThan(col); // below the diagonal: a visible (causal) entry
    expect(
      Math.abs((hovered.hoveredWeight ?? 0) - coreOf(hovered).weights.data[row * 512 + col]),
    ).toBeLessThan(1e-3);
    expect(root.querySelector(".dw-large-update")?.getAttribute("data-backend")).toBe("webgpu");
  });
});
