import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { settled as settledOf } from "../../../tests/support/figures";
import { attention } from "../../core/attention";
import { fromRows } from "../../core/matrix";
import { createEngine, type Engine } from "../../engine";
import { EngineProvider } from "../shared/EngineContext";
import type { TwoHeadsFigureValue } from "./figureValue";
import { TwoHeads } from "./TwoHeads";
import "../../viz/palette.css";
import "../../viz/viz.css";

type FigureElement = HTMLElement & { value: TwoHeadsFigureValue };

let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ forced: "webgpu" });
  await engine.start();
});

function expectEachHeadMatchesCore(value: TwoHeadsFigureValue, tolerance: number) {
  for (const head of value.heads) {
    const reference = attention({
      x: fromRows(value.points),
      wq: fromRows(head.wq),
      wk: fromRows(head.wk),
      wv: fromRows(head.wv),
    });
    (head.weights ?? []).flat().forEach((w, k) => {
      expect(Math.abs(w - reference.weights.data[k])).toBeLessThanOrEqual(tolerance);
    });
    (head.out ?? []).flat().forEach((o, k) => {
      expect(Math.abs(o - reference.out.data[k])).toBeLessThanOrEqual(tolerance);
    });
  }
}

/** The value once no new result has landed for 400 ms. */
const settled = (root: FigureElement) =>
  settledOf(root, () =>
    Number(
      root.querySelector<HTMLElement>('[data-head="1"] [data-kind="weights"]')?.dataset.resultVersion || 0,
    ),
  );

describe("TwoHeads in Chromium on WebGPU", () => {
  afterEach(() => cleanup());

  it("each head's weights and outputs equal core attention() for that head's matrices, before and after a drag", async () => {
    render(
      <EngineProvider value={engine}>
        <TwoHeads id="heads" initialText="the cat sat on the mat" />
      </EngineProvider>,
    );
    const root = document.getElementById("heads") as FigureElement;
    await expect.poll(() => root.value.heads[1].weights !== null, { timeout: 60_000 }).toBe(true);
    expect(engine.info()?.name).toBe("webgpu");
    const before = await settled(root);
    expectEachHeadMatchesCore(before, 1e-3);

    await commands.pointerDrag('#heads [data-head="1"] .dw-plane .dw-token >> nth=2', 60, -40, 6);
    await expect.poll(() => root.value.points[2][0] !== before.points[2][0], { timeout: 60_000 }).toBe(true);
    const after = await settled(root);
    expect(after.heads[0].weights).not.toEqual(before.heads[0].weights);
    expect(after.heads[1].weights).not.toEqual(before.heads[1].weights);
    expectEachHeadMatchesCore(after, 1e-3);
  });
});
