import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { curve, fakeDrivers, startedWithCheckpoint } from "../../../tests/support/fakeTrainingDriver";
import { inductionProbe } from "../../core/inductionTasks";
import { matrix } from "../../core/matrix";
import type {
  HeadMaps,
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
} from "../../core/training";
import { inductionHeadsCodec } from "../../state/share/inductionHeadsShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { InductionHeadsFigureValue } from "./figureValue";
import { InductionHeads } from "./InductionHeads";
import { INDUCTION_TASK } from "./inductionTask";

const uniform = (length: number) => matrix(length, length, new Array(length * length).fill(1 / length));
const maps = (length: number): HeadMaps => ({
  twoLayer: [
    [uniform(length), uniform(length)],
    [uniform(length), uniform(length)],
  ],
  oneLayer: [[uniform(length), uniform(length)]],
});
const answer = ({ tokens }: InductionProbeRequest): InductionProbeResult => ({
  tokens,
  attention: maps(tokens.length),
  next: { twoLayer: tokens.map((token) => ({ token, probability: 0.5 })) },
});
const PROBE = Array.from(inductionProbe(INDUCTION_TASK).tokens);
const SNAPSHOT: InductionSnapshot = { tokens: PROBE, attention: maps(PROBE.length) };
const HISTORY = curve(20, () => 2, ["twoLayer", "oneLayer"]);

function mount(encoded: string | undefined) {
  const host: ShareHost = {
    initialState: vi.fn(() => encoded),
    stateChanged: vi.fn(),
    links: linksFrom("http://localhost/", () => "induction-heads"),
  };
  const drivers = fakeDrivers<InductionSnapshot, InductionProbeRequest, InductionProbeResult>({
    after: {
      start: () => startedWithCheckpoint(SNAPSHOT, HISTORY, { twoLayer: 2, oneLayer: 2 }, { twoLayer: 1 }),
    },
    probe: answer,
  });
  render(
    <ShareHostProvider host={host}>
      <TrainingDriverProvider value={drivers}>
        <InductionHeads id="heads" />
      </TrainingDriverProvider>
    </ShareHostProvider>,
  );
  const root = document.getElementById("heads") as HTMLElement & { value: InductionHeadsFigureValue };
  return { host, drivers, root };
}

const field = () => screen.getByLabelText("Type a sequence to test") as HTMLInputElement;

/** jsdom renders whole figures; on a loaded machine that takes seconds. */
const settled = <T,>(check: () => T) => waitFor(check, { timeout: 10_000 });

describe("InductionHeads from a link", () => {
  it("opens with the link's seed, speed and typed sequence, and restarts its run from scratch", async () => {
    const { host, drivers, root } = mount("v1;seed=42;speed=20;source=scratch;probe=a%20b%20c%20a%20b%20c");
    expect(host.initialState).toHaveBeenCalledWith("heads");
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "42");
    expect(screen.getByLabelText("Speed")).toHaveProperty("value", "20");
    expect(field().value).toBe("a b c a b c");
    expect(screen.getByRole("alert").textContent).toBe(
      "This link showed a run trained from scratch with seed 42. A link cannot carry trained weights, so that run starts again here from step 0.",
    );
    await settled(() => expect(root.value.status).toBe("training"));
    const commands = drivers.created[0]?.commands ?? [];
    expect(commands.slice(0, 4)).toEqual([
      { type: "start" },
      { type: "setRate", stepsPerSecond: 20 },
      { type: "reset", seed: 42 },
      { type: "run" },
    ]);
    await settled(() =>
      expect(commands).toContainEqual({ type: "probe", request: { tokens: [0, 1, 2, 0, 1, 2] } }),
    );
    expect(screen.getByRole("alert").textContent).toMatch(/starts again here from step 0/);
    expect(screen.queryByText(/some of the link could not be used/)).toBeNull();
    // Restoring the link and restarting its run are not the reader's changes: nothing is reported.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(host.stateChanged).not.toHaveBeenCalled();
  });

  it("says what a bad link held, keeps the rest, and shows the checkpoint", async () => {
    const { root } = mount("v1;seed=-3;speed=60;source=pretrained");
    expect(screen.getByText(/some of the link could not be used/)).toBeTruthy();
    expect(screen.getByText(/Ignored seed="-3": seed must be a whole number/)).toBeTruthy();
    expect(
      screen.getByText(/Ignored source="pretrained": source must be one of checkpoint, scratch/),
    ).toBeTruthy();
    expect(screen.getByLabelText("Speed")).toHaveProperty("value", "60");
    await settled(() => expect(root.value.source).toBe("checkpoint"));
  });

  it("reports the reader's sequence to the host once it settles", async () => {
    const { host, root } = mount(undefined);
    await settled(() => expect(root.value.source).toBe("checkpoint"));
    await userEvent.type(field(), "d k d");
    await settled(() => expect(host.stateChanged).toHaveBeenCalled());
    const calls = vi.mocked(host.stateChanged).mock.calls;
    const [id, name, encoded] = calls[calls.length - 1] as [string, string, string];
    expect([id, name]).toEqual(["heads", "induction-heads"]);
    expect(inductionHeadsCodec.decode(encoded)).toEqual({
      state: { ...inductionHeadsCodec.defaults(), probe: "d k d" },
      messages: [],
    });
  });
});
