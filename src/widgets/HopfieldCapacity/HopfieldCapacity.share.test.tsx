import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { hopfieldCapacityCodec } from "../../state/share/hopfieldCapacityShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import type { HopfieldCapacityFigureValue } from "./figureValue";
import { HopfieldCapacity } from "./HopfieldCapacity";

type FigureElement = HTMLElement & { value: HopfieldCapacityFigureValue };

/** The figure inside a host whose link gives instance "capacity" the state `encoded`. */
function renderLinked(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === "capacity" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "hopfield"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <HopfieldCapacity id="capacity" />
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector("#capacity") as FigureElement;
  return { root, stateChanged };
}

describe("HopfieldCapacity from a link", () => {
  it("opens on the linked d, N, corruption, β and seed, and reports the reader's next change", async () => {
    const { root, stateChanged } = renderLinked("v1;d=25;n=7;flips=20;beta=2.5;seed=11");
    expect(root().value).toMatchObject({ d: 25, count: 7, flipPercent: 20, beta: 2.5, seed: 11 });
    expect(screen.getByLabelText("Pixels per pattern d")).toHaveProperty("value", "25");
    expect(screen.getByLabelText("Stored patterns N = 7")).toHaveProperty("value", "7");
    expect(screen.getByLabelText(/Corruption: 20% \(5 of 25 pixels flipped\)/)).toHaveProperty("value", "20");
    expect(screen.getByLabelText(/Modern rule’s β = 2.50/)).toBeTruthy();
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "11");
    expect(screen.queryByText(/could not be used/)).toBeNull();

    fireEvent.change(screen.getByLabelText(/Stored patterns N/), { target: { value: "30" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual(["capacity", "hopfield-capacity"]);
    expect(hopfieldCapacityCodec.decode(encoded)).toEqual({
      state: { d: 25, n: 30, flips: 20, beta: 2.5, seed: 11 },
      messages: [],
    });
  });

  it("says what a bad link held and keeps the rest", () => {
    const { root } = renderLinked("v1;d=36;beta=NaN;seed=4");
    const status = screen.getByText(/could not be used/).closest("[role=status]") as HTMLElement;
    expect(status.textContent).toMatch(/beta must be a number from 0.01 to 20/);
    expect(status.textContent).toMatch(/d must be one of 25, 49, 100; using 49/);
    expect(root().value).toMatchObject({ d: 49, beta: 1, seed: 4 });
  });
});
