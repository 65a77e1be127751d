import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attention } from "../../core/attention";
import { fromRows, toRows } from "../../core/matrix";
import { weightPresets } from "../../core/presets";
import { EngineProvider } from "../shared/EngineContext";
import type { TwoHeadsFigureValue } from "./figureValue";
import { TwoHeads } from "./TwoHeads";

const SLOW = { timeout: 20_000 };
type FigureElement = HTMLElement & { value: TwoHeadsFigureValue };

function renderHeads(initialText: string, id = "heads") {
  const view = render(
    <EngineProvider value={createCoreEngine()}>
      <TwoHeads id={id} initialText={initialText} />
    </EngineProvider>,
  );
  return view.container.querySelector(`#${id}`) as FigureElement;
}

/** Each head's weights and outputs equal core attention() on that head's own matrices. */
function expectEachHeadMatchesCore(value: TwoHeadsFigureValue) {
  for (const head of value.heads) {
    const reference = attention({
      x: fromRows(value.points),
      wq: fromRows(head.wq),
      wk: fromRows(head.wk),
      wv: fromRows(head.wv),
    });
    expect(head.weights?.flat()).toEqual(Array.from(reference.weights.data));
    expect(head.out?.flat()).toEqual(Array.from(reference.out.data));
  }
}

const cells = (root: HTMLElement, head: number) =>
  root.querySelectorAll(`[data-head="${head}"] [data-kind="weights"] [data-row][data-col]`);

describe("TwoHeads", () => {
  it("computes two heads with their own projections on one set of tokens", async () => {
    const root = renderHeads("the cat sat on the mat");
    await waitFor(() => expect(root.value.heads[1].weights).not.toBeNull(), SLOW);
    const value = root.value;
    expect(value.heads.map((h) => h.preset)).toEqual(["similar", "rotation"]);
    expect(value.heads[0].wq).toEqual([
      [3, 0],
      [0, 3],
    ]);
    expectEachHeadMatchesCore(value);
    // Different W_Q/W_K attend to different things: the two weight matrices differ.
    const gap = Math.max(
      ...(value.heads[0].weights ?? [])
        .flat()
        .map((w, k) => Math.abs(w - (value.heads[1].weights ?? []).flat()[k])),
    );
    expect(gap).toBeGreaterThan(0.1);
    expect(cells(root, 0)).toHaveLength(36);
    expect(cells(root, 1)).toHaveLength(36);
    // Each plane shows the shared tokens and its own head's outputs.
    expect(root.querySelectorAll(".dw-plane")).toHaveLength(2);
    expect(root.querySelectorAll('[data-head="1"] .dw-plane .dw-output')).toHaveLength(6);
  });

  it("changing one head's preset recomputes that head only", async () => {
    const root = renderHeads("one two three four");
    await waitFor(() => expect(root.value.heads[1].weights).not.toBeNull(), SLOW);
    const before = root.value;
    fireEvent.change(screen.getByLabelText("Head 2 projections"), { target: { value: "opposite" } });
    await waitFor(
      () =>
        expect(root.value.heads[1].preset === "opposite" && root.value.heads[1].weights !== null).toBe(true),
      SLOW,
    );
    await waitFor(() => expect(root.value.heads[1].weights).not.toEqual(before.heads[1].weights), SLOW);
    const after = root.value;
    expect(after.heads[1].wk).toEqual(toRows(weightPresets.opposite.wk));
    expect(after.heads[0].weights).toEqual(before.heads[0].weights);
    expect(screen.getByText(weightPresets.opposite.description)).toBeTruthy();
    expectEachHeadMatchesCore(after);
  });

  it("moving a token with the keyboard moves it for both heads, which both recompute", async () => {
    const root = renderHeads("red green blue");
    await waitFor(() => expect(root.value.heads[1].weights).not.toBeNull(), SLOW);
    const before = root.value;
    const token = root.querySelectorAll<SVGGElement>('[data-head="0"] .dw-plane .dw-token')[1];
    fireEvent.keyDown(token, { key: "ArrowUp", shiftKey: true });
    await waitFor(() => expect(root.value.points[1]).not.toEqual(before.points[1]), SLOW);
    await waitFor(() => expect(root.value.heads[1].weights).not.toEqual(before.heads[1].weights), SLOW);
    expectEachHeadMatchesCore(root.value);
  });

  it("shows a hint, computes nothing, and draws no planes for an empty box", () => {
    const root = renderHeads("");
    expect(root.querySelector(".dw-plane")).toBeNull();
    expect(root.textContent).toMatch(/Type a sentence/);
  });
});
