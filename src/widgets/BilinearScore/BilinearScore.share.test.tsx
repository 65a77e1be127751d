import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { bilinearCodec } from "../../state/share/bilinearShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { BilinearScore } from "./BilinearScore";
import type { BilinearFigureValue } from "./figureValue";

const ID = "shared-bilinear";

/** A page that opened with `encoded` as this figure's link, and records what the figure reports. */
function renderFromLink(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === ID ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "input-times-input"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <BilinearScore id={ID} initialText="the cat sat on the mat" />
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector(`#${ID}`) as HTMLElement & { value: BilinearFigureValue };
  return { root, stateChanged };
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement | HTMLSelectElement>(label).value;

describe("BilinearScore from a link", () => {
  it("starts from the link's sentence, drags, tokens i and j, matrices and hidden unit", () => {
    const { root } = renderFromLink(
      bilinearCodec.encode({
        text: "red green blue sky",
        moved: [3, 1.25, -0.5],
        query: 3,
        key: 0,
        preset: "custom",
        wq: [1, 2, -0.125, 4],
        wk: [0.1, 0, 0, 1],
        unit: 4,
      }),
    );
    expect(field("Your sentence")).toBe("red green blue sky");
    expect([field("Query token i"), field("Key token j"), field("Hidden unit h")]).toEqual(["3", "0", "4"]);
    expect(field("Projections")).toBe("custom");
    expect(field("W_Q row 2, column 1")).toBe("-0.125");
    expect(field("W_K row 1, column 1")).toBe("0.1");
    const value = root().value;
    expect(value.points[3]).toEqual([1.25, -0.5]);
    expect(value.wq).toEqual([
      [1, 2],
      [-0.125, 4],
    ]);
    expect(root().querySelector(".dw-share-restored")).toBeNull();
  });

  it("says what a hand-edited link held that it could not use, and keeps the rest", async () => {
    renderFromLink("v1;preset=rotation;key=7");
    await screen.findByText("Ignored key=7: the sentence has 6 tokens (0 to 5); using the last.");
    expect(field("Projections")).toBe("rotation");
    expect(field("Key token j")).toBe("5");
  });

  it("reports the reader's change to the page as a link that restores it", async () => {
    const { stateChanged } = renderFromLink("v1;unit=2");
    fireEvent.change(screen.getByLabelText("Key token j"), { target: { value: "4" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual([ID, "bilinear"]);
    expect(bilinearCodec.decode(encoded)).toEqual({
      state: { ...bilinearCodec.defaults(), unit: 2, key: 4 },
      messages: [],
    });
  });
});
