import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attention } from "../../core/attention";
import { toRows } from "../../core/matrix";
import { weightPresets } from "../../core/presets";
import { tokenize } from "../../core/tokens";
import { createMlpWeights } from "../../state/mlpWeights";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { sideBySideCodec } from "../../state/share/sideBySideShare";
import { movedMap } from "../../state/share/tokenShare";
import { layoutPoints, TOKEN_LIMIT } from "../../state/tokenPoints";
import { EngineProvider } from "../shared/EngineContext";
import type { SideBySideFigureValue } from "./figureValue";
import { SideBySide } from "./SideBySide";

const SLOW = { timeout: 20_000 };
const ID = "shared-side-by-side";
const FREEZE = "Freeze attention’s weights";

/** A page that opened with `encoded` as this figure's link, and records what the figure reports. */
function renderFromLink(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === ID ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "side-by-side"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <SideBySide id={ID} initialText="the cat sat on the mat" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector(`#${ID}`) as HTMLElement & { value: SideBySideFigureValue };
  const settled = () => waitFor(() => expect(root().value.settled).toBe(true), SLOW);
  return { root, settled, stateChanged };
}

describe("SideBySide from a link", () => {
  it("starts frozen where the link froze it, with its drags and watched output", async () => {
    const text = "the cat sat on the mat";
    const frozenat = [1, 0.5, -1];
    const { root, settled } = renderFromLink(
      sideBySideCodec.encode({
        ...sideBySideCodec.defaults(),
        moved: [1, 0.5, -1, 2, -2, 2],
        frozen: true,
        frozenat,
        out: 3,
      }),
    );
    await settled();
    expect(screen.getByLabelText<HTMLInputElement>(FREEZE).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>("on 4").checked).toBe(true);
    const value = root().value;
    expect(value.points[2]).toEqual([-2, 2]);
    // The mixing matrix is softmax(QKᵀ/√d) where the tokens stood when frozen, not where they are.
    const { tokens } = tokenize(text, TOKEN_LIMIT);
    const { wq, wk, wv } = weightPresets.similar;
    const at = (x: ReturnType<typeof layoutPoints>) => toRows(attention({ x, wq, wk, wv }).weights);
    expect(value.attentionMixing).toEqual(at(layoutPoints(tokens, movedMap(tokens, frozenat))));
    expect(value.attentionMixing).not.toEqual(
      at(layoutPoints(tokens, movedMap(tokens, [1, 0.5, -1, 2, -2, 2]))),
    );
    expect(root().querySelector(".dw-share-restored")).toBeNull();
  });

  it("says what a hand-edited link held that it could not use, and keeps the rest", async () => {
    const { root, settled } = renderFromLink("v1;out=9;seed=3");
    await screen.findByText("Ignored out=9: the sentence has 6 tokens (0 to 5); following the first.");
    await settled();
    expect(root().value.a).toEqual(toRows(createMlpWeights(3).a));
    expect(root().value.selectedOutput).toBe(0);
  });

  it("reports the reader's freeze to the page as a link that restores it", async () => {
    const { settled, stateChanged } = renderFromLink("v1;out=1");
    await settled();
    fireEvent.click(screen.getByLabelText(FREEZE));
    await waitFor(() => expect(stateChanged).toHaveBeenCalled(), SLOW);
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual([ID, "side-by-side"]);
    expect(sideBySideCodec.decode(encoded)).toEqual({
      state: { ...sideBySideCodec.defaults(), out: 1, frozen: true },
      messages: [],
    });
  });
});
