import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { twoHeadsCodec } from "../../state/share/twoHeadsShare";
import { EngineProvider } from "../shared/EngineContext";
import type { TwoHeadsFigureValue } from "./figureValue";
import { TwoHeads } from "./TwoHeads";

const SLOW = { timeout: 20_000 };
const ID = "shared-heads";

/** A page that opened with `encoded` as this figure's link, and records what the figure reports. */
function renderFromLink(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === ID ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "attention-steps"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <TwoHeads id={ID} initialText="the cat sat on the mat" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector(`#${ID}`) as HTMLElement & { value: TwoHeadsFigureValue };
  return { root, stateChanged };
}

const selected = (label: string) => screen.getByLabelText<HTMLSelectElement>(label).value;

describe("TwoHeads from a link", () => {
  it("starts from the link's sentence, drags, presets and selected query", async () => {
    const { root } = renderFromLink(
      twoHeadsCodec.encode({
        text: "red green blue",
        moved: [0, -1, 1.5],
        head1: "identity",
        head2: "opposite",
        row: 2,
      }),
    );
    await waitFor(() => expect(root().value.heads[1].weights).not.toBeNull(), SLOW);
    expect(screen.getByLabelText<HTMLTextAreaElement>("Your sentence").value).toBe("red green blue");
    expect([selected("Head 1 projections"), selected("Head 2 projections")]).toEqual([
      "identity",
      "opposite",
    ]);
    const value = root().value;
    expect(value.heads.map((head) => head.preset)).toEqual(["identity", "opposite"]);
    expect(value.points[0]).toEqual([-1, 1.5]);
    // The selected query is the marked token in both planes.
    const marked = root().querySelectorAll('.dw-plane .dw-token[aria-current="true"]');
    expect(Array.from(marked, (node) => node.getAttribute("data-index"))).toEqual(["2", "2"]);
    expect(root().querySelector(".dw-share-restored")).toBeNull();
  });

  it("says what a hand-edited link held that it could not use, and keeps the rest", async () => {
    renderFromLink("v1;head2=sideways;head1=rotation");
    await screen.findByText(/^Ignored head2="sideways": head2 must be one of identity/);
    expect([selected("Head 1 projections"), selected("Head 2 projections")]).toEqual([
      "rotation",
      "rotation",
    ]);
  });

  it("reports the reader's change to the page as a link that restores it", async () => {
    const { root, stateChanged } = renderFromLink("v1;head2=identity");
    await waitFor(() => expect(root().value.heads[1].weights).not.toBeNull(), SLOW);
    fireEvent.change(screen.getByLabelText("Head 1 projections"), { target: { value: "opposite" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled(), SLOW);
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual([ID, "two-heads"]);
    expect(twoHeadsCodec.decode(encoded)).toEqual({
      state: { ...twoHeadsCodec.defaults(), head1: "opposite", head2: "identity" },
      messages: [],
    });
  });
});
