import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { hopfieldMemoryCodec } from "../../state/share/hopfieldMemoryShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import type { HopfieldMemoryFigureValue } from "./figureValue";
import { HopfieldMemory } from "./HopfieldMemory";

type FigureElement = HTMLElement & { value: HopfieldMemoryFigureValue };

/** The memory inside a host whose link gives instance "memory" the state `encoded`. */
function renderLinked(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === "memory" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "hopfield"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <HopfieldMemory id="memory" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector("#memory") as FigureElement;
  return { root, stateChanged };
}

describe("HopfieldMemory from a link", () => {
  it("opens on the linked memory, query, β and step, and reports the reader's next change", async () => {
    const user = userEvent.setup();
    const { root, stateChanged } = renderLinked(
      "v1;stored=A,H,O;start=O;flipped=0,1,2;corruption=3;seed=5;beta=1;step=2",
    );
    expect(root().value).toMatchObject({
      stored: ["A", "H", "O"],
      start: "O",
      flipped: [0, 1, 2],
      corruption: 3,
      seed: 5,
      beta: 1,
      step: 2,
    });
    expect(screen.getByLabelText("Query starts from")).toHaveProperty("value", "O");
    expect(screen.getByLabelText(/Corrupt k = 3 pixels/)).toHaveProperty("value", "3");
    expect(screen.getByText(/Inverse temperature β = 1.00/)).toBeTruthy();
    expect(screen.getByText("Step 2 of 10")).toBeTruthy();
    expect(screen.queryByText(/could not be used/)).toBeNull();
    await waitFor(() => expect(root().value.pending).toBe(false), { timeout: 20_000 });

    await user.click(screen.getByRole("button", { name: "Step" }));
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual(["memory", "hopfield-memory"]);
    expect(hopfieldMemoryCodec.decode(encoded)).toEqual({
      state: {
        stored: ["A", "H", "O"],
        start: "O",
        flipped: [0, 1, 2],
        corruption: 3,
        seed: 5,
        beta: 1,
        step: 3,
      },
      messages: [],
    });
  });

  it("says what a bad link held and keeps the rest", () => {
    const { root } = renderLinked("v1;start=Q;beta=50;step=1");
    const status = screen.getByText(/could not be used/).closest("[role=status]") as HTMLElement;
    expect(status.textContent).toMatch(/start must be one of A, C, H, L, O, T, X, Z/);
    expect(status.textContent).toMatch(/beta must be a number from 0.01 to 20/);
    expect(root().value).toMatchObject({ start: "H", beta: 1 / 7, step: 1 });
  });
});
