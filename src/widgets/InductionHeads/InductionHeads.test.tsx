import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { curve, fakeDrivers, startedWithCheckpoint } from "../../../tests/support/fakeTrainingDriver";
import { inductionProbe } from "../../core/inductionTasks";
import { type Matrix, matrix } from "../../core/matrix";
import type {
  HeadMaps,
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
} from "../../core/training";
import { TrainingDriverProvider } from "../shared/TrainingDriverContext";
import type { InductionHeadsFigureValue } from "./figureValue";
import { InductionHeads } from "./InductionHeads";
import { INDUCTION_TASK } from "./inductionTask";

/** Row i attends to position i − shift (to itself at the start): a previous-token head for shift 1. */
function shifted(length: number, shift: number): Matrix {
  const m = matrix(length, length);
  for (let i = 0; i < length; i++) m.data[i * length + Math.max(0, i - shift)] = 1;
  return m;
}

function maps(length: number): HeadMaps {
  return {
    twoLayer: [
      [shifted(length, 1), shifted(length, 0)],
      [shifted(length, 7), shifted(length, 0)],
    ],
    oneLayer: [[shifted(length, 0), shifted(length, 1)]],
  };
}

/** A 2-layer model that copies after the previous occurrence, and a 1-layer one that repeats the current token. */
function answer({ tokens }: InductionProbeRequest): InductionProbeResult {
  const copy = tokens.map((token, t) => {
    const j = t > 0 ? tokens.lastIndexOf(token, t - 1) : -1;
    return j >= 0 ? { token: tokens[j + 1], probability: 0.93 } : { token: 0, probability: 0.07 };
  });
  return {
    tokens,
    attention: maps(tokens.length),
    next: { twoLayer: copy, oneLayer: tokens.map((token) => ({ token, probability: 0.31 })) },
  };
}

const PROBE = Array.from(inductionProbe(INDUCTION_TASK).tokens);
const SNAPSHOT: InductionSnapshot = { tokens: PROBE, attention: maps(PROBE.length) };
const HISTORY = curve(3000, (model, step) => (model === "twoLayer" && step > 1200 ? 0.08 : 2.1), [
  "twoLayer",
  "oneLayer",
]);

function mount() {
  const drivers = fakeDrivers<InductionSnapshot, InductionProbeRequest, InductionProbeResult>({
    after: {
      start: () =>
        startedWithCheckpoint(
          SNAPSHOT,
          HISTORY,
          { twoLayer: 0.07, oneLayer: 2.1 },
          { twoLayer: 4512, oneLayer: 2464 },
        ),
    },
    probe: answer,
  });
  render(
    <TrainingDriverProvider value={drivers}>
      <InductionHeads id="heads" />
    </TrainingDriverProvider>,
  );
  const root = document.getElementById("heads") as HTMLElement & { value: InductionHeadsFigureValue };
  return { drivers, root };
}

const headPanels = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>(".dw-ih-head"));
const gridcells = (panel: HTMLElement) => panel.querySelectorAll('rect[role="gridcell"]');
const field = () => screen.getByLabelText("Type a sequence to test") as HTMLInputElement;
const probeMessage = (root: HTMLElement) => root.querySelector('[data-readout="probe-message"]')?.textContent;

describe("InductionHeads (scripted driver in jsdom)", () => {
  it("shows the checkpoint at once: both curves against guessing, and every head's map on the probe", async () => {
    const { root } = mount();
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    const panel = root.querySelector('[data-kind="loss"]') as HTMLElement;
    expect(Array.from(panel.querySelectorAll(".dw-chart-legend li"), (li) => li.textContent)).toEqual([
      "2-layer attention-only (4,512 parameters)",
      "1-layer attention-only (2,464 parameters)",
      "guessing uniformly (ln 16): 2.77",
    ]);
    expect(panel.querySelector('.dw-chart-series[data-id="twoLayer"] path')?.getAttribute("d")).toMatch(/^M/);
    expect(panel.querySelector('.dw-chart-series[data-id="oneLayer"] path')?.getAttribute("d")).toMatch(/^M/);

    const heads = headPanels(root);
    expect(heads.map((h) => h.getAttribute("aria-label"))).toEqual([
      "Attention weights, 2-layer model, layer 1, head 1",
      "Attention weights, 2-layer model, layer 1, head 2",
      "Attention weights, 2-layer model, layer 2, head 1",
      "Attention weights, 2-layer model, layer 2, head 2",
      "Attention weights, 1-layer model, layer 1, head 1",
      "Attention weights, 1-layer model, layer 1, head 2",
    ]);
    for (const head of heads) expect(gridcells(head)).toHaveLength(24 * 24);
    // The previous-token head: position 2 gives all its weight to position 1; later positions are masked.
    const cells = gridcells(heads[0]);
    const label = (i: number, j: number) => cells[i * 24 + j].getAttribute("aria-label");
    expect(label(1, 0)).toMatch(/: 1\.00$/);
    expect(label(1, 1)).toMatch(/: 0\.00$/);
    expect(label(1, 2)).toMatch(/: masked$/);
    expect(root.querySelector('[data-kind="heads"]')?.getAttribute("data-sequence")).toBe("probe");
    expect(root.value.probeTokens).toEqual(PROBE);
  });

  it("runs the reader's sequence through both models and counts the right copies", async () => {
    const { root, drivers } = mount();
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    fireEvent.change(field(), { target: { value: "abcd ABCD" } });
    const score = await waitFor(() => {
      const text = root.querySelector('[data-readout="copy-score"]')?.textContent;
      if (!text) throw new Error("no answer yet");
      return text;
    });
    expect(drivers.created[0].commands.at(-1)).toEqual({
      type: "probe",
      request: { tokens: [0, 1, 2, 3, 0, 1, 2, 3] },
    });
    expect(score).toBe(
      "The 2-layer model predicts the next token in 3 of 3 repeated positions; the 1-layer model in 0 of 3.",
    );
    const twoLayerRow = root.querySelector('tr[data-model="twoLayer"]') as HTMLTableRowElement;
    expect(
      within(twoLayerRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["a 0.07", "a 0.07", "a 0.07", "a 0.07", "b 0.93 ✓", "c 0.93 ✓", "d 0.93 ✓", "a 0.93"]);
    // The maps now show the reader's 8 tokens.
    expect(root.querySelector('[data-kind="heads"]')?.getAttribute("data-sequence")).toBe("yours");
    for (const head of headPanels(root)) expect(gridcells(head)).toHaveLength(64);
    expect(root.value.reader.predictions?.twoLayer).toMatchObject({ correct: 3, repeated: 3 });
    expect(probeMessage(root)).toBe("8 tokens");
  });

  it("keeps bad input in the box and says what was left out; nothing left means the fixed sequence again", async () => {
    const { root, drivers } = mount();
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    const driver = drivers.created[0];

    fireEvent.change(field(), { target: { value: "ab🙂z" } });
    expect(field().value).toBe("ab🙂z");
    expect(probeMessage(root)).toMatch(/Left out “🙂”, “z”: tokens are letters a–p or numbers 0–15\./);
    expect(field().getAttribute("aria-invalid")).toBe("true");
    // The two good tokens are still tested.
    await waitFor(() => expect(root.value.reader.predictions).not.toBeNull());
    expect(driver.commands.at(-1)).toEqual({ type: "probe", request: { tokens: [0, 1] } });

    const probes = () => driver.types().filter((t) => t === "probe").length;
    const before = probes();
    fireEvent.change(field(), { target: { value: "🙂" } });
    expect(field().value).toBe("🙂");
    expect(probeMessage(root)).toMatch(/Left out “🙂”/);
    await act(async () => {});
    expect(probes()).toBe(before);
    expect(root.querySelector('[data-kind="heads"]')?.getAttribute("data-sequence")).toBe("probe");
    expect(root.querySelector('[data-readout="copy-score"]')).toBeNull();

    fireEvent.change(field(), { target: { value: "abcdefghijklmnop".repeat(2) } });
    expect(probeMessage(root)).toBe("Cut to the first 24 tokens (you typed 32).");
    await waitFor(() => expect(driver.commands.at(-1)).toMatchObject({ type: "probe" }));
    expect((driver.commands.at(-1) as { request: InductionProbeRequest }).request.tokens).toHaveLength(24);
  });

  it("probes again when training changes the models", async () => {
    const { root, drivers } = mount();
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    const driver = drivers.created[0];
    fireEvent.change(field(), { target: { value: "a b a b" } });
    await waitFor(() => expect(root.value.reader.predictions).not.toBeNull());
    const probes = () => driver.types().filter((t) => t === "probe").length;
    const before = probes();
    act(() =>
      driver.emit({ type: "progress", step: 10, points: [], stepsPerSecond: 9, snapshot: { ...SNAPSHOT } }),
    );
    await waitFor(() => expect(probes()).toBe(before + 1));
  });
});
