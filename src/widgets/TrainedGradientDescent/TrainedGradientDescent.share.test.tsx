import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeDrivers, WASM_BACKEND } from "../../../tests/support/fakeTrainingDriver";
import type { GdSnapshot } from "../../core/training";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { trainedGdCodec } from "../../state/share/trainedGdShare";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { TrainedGradientDescentFigureValue } from "./figureValue";
import { TrainedGradientDescent } from "./TrainedGradientDescent";

/** The trainer starts but shows nothing yet: the link's configuration is all there is to see. */
function mount(encoded: string | undefined) {
  const host: ShareHost = {
    initialState: vi.fn(() => encoded),
    stateChanged: vi.fn(),
    links: linksFrom("http://localhost/", () => "learned-gradient-descent"),
  };
  const drivers = fakeDrivers<GdSnapshot>({
    after: {
      start: () => [
        { type: "ready", backend: WASM_BACKEND, parameterCounts: { lsa: 484 }, totalSteps: 2000 },
      ],
    },
  });
  render(
    <ShareHostProvider host={host}>
      <TrainingDriverProvider value={drivers}>
        <TrainedGradientDescent id="tgd" seed={4} />
      </TrainingDriverProvider>
    </ShareHostProvider>,
  );
  const root = document.getElementById("tgd") as HTMLElement & { value: TrainedGradientDescentFigureValue };
  return { host, drivers, root };
}

/** jsdom renders whole figures; on a loaded machine that takes seconds. */
const settled = <T,>(check: () => T) => waitFor(check, { timeout: 10_000 });

describe("TrainedGradientDescent from a link", () => {
  it("opens with the link's seed, speed and run length in place of its props", async () => {
    const { drivers, root } = mount("v1;seed=123;speed=60;steps=500");
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "123");
    expect(screen.getByLabelText("Speed")).toHaveProperty("value", "60");
    // Until the trainer says how long its run is, the bar counts to the link's run length.
    expect(root.value).toMatchObject({ seed: 123, totalSteps: 500 });
    await settled(() =>
      expect(drivers.created[0]?.commands).toContainEqual({ type: "setRate", stepsPerSecond: 60 }),
    );
    expect(screen.queryByText(/some of the link could not be used/)).toBeNull();
  });

  it("says what a bad link held and keeps the rest", () => {
    mount("v1;seed=1.5;speed=20;steps=-1");
    expect(screen.getByText(/some of the link could not be used/)).toBeTruthy();
    expect(screen.getByText(/Ignored seed="1.5"/)).toBeTruthy();
    expect(screen.getByText(/Ignored steps="-1"/)).toBeTruthy();
    // A link replaces the figure's props whole: a seed it could not use falls back to the default.
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "1");
    expect(screen.getByLabelText("Speed")).toHaveProperty("value", "20");
  });

  it("reports the reader's next seed to the host once it settles", async () => {
    const { host } = mount(undefined);
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "4");
    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "Next seed" }));
    });
    await settled(() => expect(host.stateChanged).toHaveBeenCalledTimes(1));
    const [id, name, encoded] = vi.mocked(host.stateChanged).mock.calls[0] as [string, string, string];
    expect([id, name, encoded]).toEqual(["tgd", "trained-gd", "v1;seed=5"]);
    expect(trainedGdCodec.decode(encoded).state.seed).toBe(5);
  });
});
