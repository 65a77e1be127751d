import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { twoMeaningsCodec } from "../../state/share/twoMeaningsShare";
import { sampleInputs } from "../../state/twoMeaningsSamples";
import { EngineProvider } from "../shared/EngineContext";
import type { TwoMeaningsFigureValue } from "./figureValue";
import { TwoMeanings } from "./TwoMeanings";

const SLOW = { timeout: 20_000 };
const ID = "shared-two-meanings";

/** A page that opened with `encoded` as this figure's link, and records what the figure reports. */
function renderFromLink(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === ID ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "two-meanings"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <TwoMeanings id={ID} />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () =>
    view.container.querySelector(`#${ID}`) as HTMLElement & { value: TwoMeaningsFigureValue };
  return { root, stateChanged };
}

const field = (label: string | RegExp) =>
  screen.getByLabelText<HTMLInputElement | HTMLSelectElement>(label).value;

describe("TwoMeanings from a link", () => {
  it("starts from the link's seed, sizes and parameters, and draws the same sentences", async () => {
    const { root } = renderFromLink(
      twoMeaningsCodec.encode({ seed: 4000000000, inputs: 3, tokens: 7, preset: "opposite" }),
    );
    await waitFor(() => expect(root().value.resultVersion).toBeGreaterThan(0), SLOW);
    expect([field("Seed"), field(/^Inputs K/), field(/^Tokens per input/), field("Parameters")]).toEqual([
      "4000000000",
      "3",
      "7",
      "opposite",
    ]);
    expect(root().value.inputs.map((input) => input.tokens)).toEqual(
      sampleInputs(4000000000, 3, 7).map((input) => input.tokens),
    );
    expect(root().querySelector(".dw-share-restored")).toBeNull();
  });

  it("says what a hand-edited link held that it could not use, and keeps the rest", async () => {
    renderFromLink("v1;tokens=9;inputs=2");
    await screen.findByText(/^Ignored tokens="9": tokens must be a whole number from 2 to 8/);
    expect([field(/^Inputs K/), field(/^Tokens per input/)]).toEqual(["2", "5"]);
  });

  it("reports the reader's change to the page as a link that restores it", async () => {
    const { root, stateChanged } = renderFromLink("v1;inputs=4");
    await waitFor(() => expect(root().value.resultVersion).toBeGreaterThan(0), SLOW);
    fireEvent.change(screen.getByLabelText("Seed"), { target: { value: "123" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled(), SLOW);
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual([ID, "two-meanings"]);
    expect(twoMeaningsCodec.decode(encoded)).toEqual({
      state: { ...twoMeaningsCodec.defaults(), inputs: 4, seed: 123 },
      messages: [],
    });
  });
});
