import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { memoryOverwriteCodec } from "../../state/share/memoryOverwriteShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { MemoryOverwrite, type OverwriteFigureValue } from "./MemoryOverwrite";

type FigureElement = HTMLElement & { value: OverwriteFigureValue };

/** The demo inside a host whose link gives instance "overwrite" the state `encoded`. */
function renderLinked(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === "overwrite" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "fast-weights"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <MemoryOverwrite id="overwrite" />
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector("#overwrite") as FigureElement;
  return { root, stateChanged };
}

describe("MemoryOverwrite from a link", () => {
  it("opens on the linked values and β, and reports the reader's next change", async () => {
    const { root, stateChanged } = renderLinked("v1;preset=custom;a=0.5,2;c=-3,0.125;beta=0.4");
    expect(root().value).toMatchObject({
      preset: "custom",
      values: { a: [0.5, 2], b: [-1, 0.5], c: [-3, 0.125] },
      beta: 0.4,
    });
    expect(screen.getByLabelText("c, entry 2")).toHaveProperty("value", "0.125");
    expect(screen.getByLabelText(/β = 0.40/)).toHaveProperty("value", "0.4");
    expect(screen.queryByText(/could not be used/)).toBeNull();

    fireEvent.change(screen.getByLabelText(/β =/), { target: { value: "0.75" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual(["overwrite", "memory-overwrite"]);
    expect(memoryOverwriteCodec.decode(encoded)).toEqual({
      state: { preset: "custom", a: [0.5, 2], b: [-1, 0.5], c: [-3, 0.125], beta: 0.75 },
      messages: [],
    });
  });

  it("says what a bad link held and keeps the rest", () => {
    const { root } = renderLinked("v1;preset=undo;a=2,1;b=0,1;c=-2,Infinity;beta=0.5");
    const status = screen.getByText(/could not be used/).closest("[role=status]") as HTMLElement;
    expect(status.textContent).toMatch(/Ignored c="-2,Infinity"/);
    expect(status.textContent).toMatch(/differ from the preset "undo"/);
    expect(root().value).toMatchObject({ preset: "custom", values: { a: [2, 1], c: [3, -1] }, beta: 0.5 });
  });
});
