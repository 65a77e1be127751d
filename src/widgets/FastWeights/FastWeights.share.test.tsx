import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { fastWeightsCodec } from "../../state/share/fastWeightsShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import { FastWeights } from "./FastWeights";
import type { FastWeightsFigureValue } from "./figureValue";

type FigureElement = HTMLElement & { value: FastWeightsFigureValue };

/** The player inside a host whose link gives instance "player" the state `encoded`. */
function renderLinked(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === "player" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "fast-weights"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <FastWeights id="player" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector("#player") as FigureElement;
  return { root, stateChanged };
}

describe("FastWeights from a link", () => {
  it("opens on the linked sentence, rule, β and token, and reports the reader's next change", async () => {
    const user = userEvent.setup();
    const { root, stateChanged } = renderLinked(
      "v1;text=one%20two%20three;phi=identity;norm=1;rule=delta;beta=0.25;step=2",
    );
    expect(root().value).toMatchObject({
      tokens: ["one", "two", "three"],
      step: 2,
      featureMap: "identity",
      normalise: true,
      rule: "delta",
      beta: 0.25,
    });
    expect(screen.getByRole("radio", { name: /delta/ })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: /Normalise/ })).toHaveProperty("checked", true);
    expect(screen.getByLabelText(/β = 0.25/)).toHaveProperty("value", "0.25");
    expect(screen.getByRole("slider", { name: /Token t = 3 of 3/ })).toBeTruthy();
    expect(screen.queryByText(/could not be used/)).toBeNull();

    await user.click(screen.getByRole("button", { name: "First token" }));
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual(["player", "fast-weights"]);
    expect(fastWeightsCodec.decode(encoded)).toEqual({
      state: { text: "one two three", phi: "identity", norm: true, rule: "delta", beta: 0.25, step: 0 },
      messages: [],
    });
  });

  it("says what a bad link held and keeps the rest", () => {
    const { root } = renderLinked("v1;rule=delta;beta=7;phi=cosine");
    const status = screen.getByText(/could not be used/).closest("[role=status]") as HTMLElement;
    expect(status.textContent).toMatch(/beta must be a number from 0 to 1/);
    expect(status.textContent).toMatch(/phi must be one of identity, elu1/);
    expect(root().value).toMatchObject({ rule: "delta", beta: 1, featureMap: "elu1" });
  });
});
