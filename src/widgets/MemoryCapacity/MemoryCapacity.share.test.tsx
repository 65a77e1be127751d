import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { memoryCapacityCodec } from "../../state/share/memoryCapacityShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { type CapacityFigureValue, MemoryCapacity } from "./MemoryCapacity";

type FigureElement = HTMLElement & { value: CapacityFigureValue };

/** The figure inside a host whose link gives instance "capacity" the state `encoded`. */
function renderLinked(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === "capacity" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "fast-weights"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <MemoryCapacity id="capacity" />
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector("#capacity") as FigureElement;
  return { root, stateChanged };
}

describe("MemoryCapacity from a link", () => {
  it("opens on the linked d, N, keys and seed, and reports the reader's next change", async () => {
    const user = userEvent.setup();
    const { root, stateChanged } = renderLinked("v1;seed=42;d=4;n=10;keys=random");
    expect(root().value).toMatchObject({ seed: 42, dimension: 4, count: 10, keyKind: "random" });
    expect(root().value.sum).toHaveLength(12);
    expect(screen.getByLabelText("Dimensions d")).toHaveProperty("value", "4");
    expect(screen.getByLabelText(/Stored associations N = 10/, { selector: "input" })).toHaveProperty(
      "value",
      "10",
    );
    expect(screen.getByRole("radio", { name: /independent random/ })).toHaveProperty("checked", true);
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "42");
    expect(screen.queryByText(/could not be used/)).toBeNull();

    await user.click(screen.getByRole("button", { name: "New sample" }));
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual(["capacity", "memory-capacity"]);
    expect(memoryCapacityCodec.decode(encoded)).toEqual({
      state: { seed: 43, d: 4, n: 10, keys: "random" },
      messages: [],
    });
  });

  it("says what a bad link held and keeps the rest", () => {
    const { root } = renderLinked("v1;seed=-1;d=16;n=40");
    const status = screen.getByText(/could not be used/).closest("[role=status]") as HTMLElement;
    expect(status.textContent).toMatch(/seed must be a whole number from 0/);
    expect(root().value).toMatchObject({ seed: 1, dimension: 16, count: 40 });
  });
});
