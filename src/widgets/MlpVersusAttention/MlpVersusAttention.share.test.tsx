import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { curve, fakeDrivers, startedWithCheckpoint } from "../../../tests/support/fakeTrainingDriver";
import type { MlpSnapshot } from "../../core/training";
import { mlpVsAttentionCodec } from "../../state/share/mlpVsAttentionShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { MlpVersusAttentionFigureValue } from "./figureValue";
import { MlpVersusAttention } from "./MlpVersusAttention";

const SNAPSHOT: MlpSnapshot = { shifted: [] };
const HISTORY = curve(30, () => 1, ["lsa", "mlp"]);

function mount(encoded: string | undefined) {
  const host: ShareHost = {
    initialState: vi.fn(() => encoded),
    stateChanged: vi.fn(),
    links: linksFrom("http://localhost/", () => "mlp-baseline"),
  };
  const drivers = fakeDrivers<MlpSnapshot>({
    after: {
      start: () => startedWithCheckpoint(SNAPSHOT, HISTORY, { lsa: 1, mlp: 1 }, { lsa: 484, mlp: 489 }),
    },
  });
  render(
    <ShareHostProvider host={host}>
      <TrainingDriverProvider value={drivers}>
        <MlpVersusAttention id="mva" />
      </TrainingDriverProvider>
    </ShareHostProvider>,
  );
  const root = document.getElementById("mva") as HTMLElement & { value: MlpVersusAttentionFigureValue };
  return { host, drivers, root };
}

/** jsdom renders whole figures; on a loaded machine that takes seconds. */
const settled = <T,>(check: () => T) => waitFor(check, { timeout: 10_000 });

describe("MlpVersusAttention from a link", () => {
  it("opens on the checkpoint with the link's seed and speed, training nothing", async () => {
    const { drivers, root } = mount("v1;seed=9;speed=5");
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "9");
    expect(screen.getByLabelText("Speed")).toHaveProperty("value", "5");
    await settled(() => expect(root.value.source).toBe("checkpoint"));
    expect(drivers.created[0]?.types()).toEqual(["start", "setRate"]);
    expect(root.value.seed).toBe(9);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("restarts a linked run from scratch from its seed and says so", async () => {
    const { drivers, root } = mount("v1;seed=9;source=scratch");
    await settled(() => expect(root.value.status).toBe("training"));
    expect(drivers.created[0]?.commands).toEqual([
      { type: "start" },
      { type: "reset", seed: 9 },
      { type: "run" },
    ]);
    expect(screen.getByRole("alert").textContent).toMatch(
      /with seed 9\. A link cannot carry trained weights/,
    );
  });

  it("says what a bad link held and keeps the rest", () => {
    mount("v1;seed=9;speed=fast");
    expect(screen.getByText(/some of the link could not be used/)).toBeTruthy();
    expect(screen.getByText(/Ignored speed="fast"/)).toBeTruthy();
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "9");
  });

  it("reports the reader's Train from scratch and speed to the host", async () => {
    const { host, root } = mount(undefined);
    await settled(() => expect(root.value.source).toBe("checkpoint"));
    fireEvent.change(screen.getByLabelText("Speed"), { target: { value: "60" } });
    fireEvent.click(screen.getByRole("button", { name: "Train from scratch" }));
    await settled(() => expect(host.stateChanged).toHaveBeenCalledTimes(1));
    const [id, name, encoded] = vi.mocked(host.stateChanged).mock.calls[0] as [string, string, string];
    expect([id, name, encoded]).toEqual(["mva", "mlp-vs-attention", "v1;speed=60;source=scratch"]);
    expect(mlpVsAttentionCodec.decode(encoded).state).toEqual({
      seed: 1,
      steps: 0,
      speed: "60",
      source: "scratch",
    });
  });
});
