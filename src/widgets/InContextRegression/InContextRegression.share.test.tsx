import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { inContextRegressionCodec } from "../../state/share/inContextRegressionShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import type { InContextRegressionFigureValue } from "./figureValue";
import { InContextRegression } from "./InContextRegression";

type FigureElement = HTMLElement & { value: InContextRegressionFigureValue };

/** The figure inside a host whose link gives instance "icr" the state `encoded`. */
function renderLinked(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === "icr" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "gradient-descent"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <InContextRegression id="icr" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector("#icr") as FigureElement;
  return { root, stateChanged };
}

describe("InContextRegression from a link", () => {
  it("opens on the linked examples, η, K and seed, and reports the reader's next change", async () => {
    const user = userEvent.setup();
    const { root, stateChanged } = renderLinked("v1;seed=9;eta=0.5;layers=2;examples=-0.5,1,0.25,-0.75");
    expect(root().value).toMatchObject({
      mode: "line",
      seed: 9,
      eta: 0.5,
      layers: 2,
      examples: [
        [-0.5, 1],
        [0.25, -0.75],
      ],
    });
    expect(screen.getByLabelText(/Learning rate η = 0.50/)).toHaveProperty("value", "0.5");
    expect(screen.getByLabelText(/Layers = steps K = 2/)).toHaveProperty("value", "2");
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "9");
    expect(screen.getByText(/Examples N = 2/)).toBeTruthy();
    expect(screen.queryByText(/could not be used/)).toBeNull();

    await user.click(screen.getByRole("button", { name: "Add an example" }));
    await waitFor(() => expect(stateChanged).toHaveBeenCalled());
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual(["icr", "regression"]);
    const { state, messages } = inContextRegressionCodec.decode(encoded);
    expect(messages).toEqual([]);
    expect(state).toMatchObject({ seed: 9, eta: 0.5, layers: 2 });
    expect(state.examples).toEqual(root().value.examples.flat());
    expect(state.examples).toHaveLength(6);
  });

  it("says what a bad link held and keeps the rest", () => {
    const { root } = renderLinked("v1;mode=space;d=3;layers=12");
    const status = screen.getByText(/could not be used/).closest("[role=status]") as HTMLElement;
    expect(status.textContent).toMatch(/layers must be a whole number from 1 to 8/);
    expect(root().value).toMatchObject({ mode: "space", d: 3, layers: 1 });
  });
});
