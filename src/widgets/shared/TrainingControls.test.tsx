import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  createFakeDriver,
  curve,
  type FakeTrainingDriver,
  fakeDrivers,
  startedWithCheckpoint,
  WASM_BACKEND,
} from "../../../tests/support/fakeTrainingDriver";
import { createTrainingStore } from "../../state/trainingStore";
import { TrainingControls } from "./TrainingControls";
import { TrainingDriverProvider } from "./TrainingDriverContext";

type Snapshot = { label: string };
const MODELS = [{ id: "lsa", name: "attention" }] as const;
const HISTORY = curve(2000, (_, step) => 1.7 - step / 2500, ["lsa"]);

function setup(
  events = startedWithCheckpoint<Snapshot>({ label: "checkpoint" }, HISTORY, { lsa: 0.83 }, { lsa: 484 }),
) {
  const driver = createFakeDriver<Snapshot>("gd", { after: { start: () => events } });
  const store = createTrainingStore<Snapshot>("gd", driver, { seed: 3 });
  const view = render(
    <TrainingDriverProvider value={fakeDrivers()}>
      <TrainingControls store={store} models={MODELS} />
    </TrainingDriverProvider>,
  );
  return { driver, store, view };
}

const button = (name: RegExp | string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const enabledButtons = () =>
  ["Train from scratch", "Pause", "Resume", "Reset", "Pretrained"].filter((name) => !button(name).disabled);
const progressText = () => document.querySelector('[data-readout="progress"]')?.textContent;

/** Starts the driver and waits for the checkpoint to be on screen. */
async function started(driver: FakeTrainingDriver<Snapshot>, store: ReturnType<typeof setup>["store"]) {
  act(() => store.getState().start());
  await waitFor(() => expect(store.getState().source).toBe("checkpoint"));
  expect(driver.types()).toEqual(["start"]);
}

describe("TrainingControls", () => {
  it("while the trainer loads, no button acts and the badge says it is starting", () => {
    setup();
    expect(enabledButtons()).toEqual([]);
    expect(screen.getByText("starting the trainer…")).toBeTruthy();
    expect(document.querySelector('[data-readout="source"]')?.textContent).toMatch(/Loading the trainer/);
  });

  it("shows the checkpoint at once: source line, full progress bar, its loss, the backend in words", async () => {
    const { driver, store } = setup();
    await started(driver, store);
    expect(document.querySelector('[data-readout="source"]')?.textContent).toBe(
      "Showing the pretrained checkpoint (2000 steps, seed 1). Train to watch it learn from scratch.",
    );
    const bar = screen.getByRole("progressbar", { name: "Training progress" }) as HTMLProgressElement;
    expect(bar.value).toBe(2000);
    expect(bar.max).toBe(2000);
    expect(progressText()).toBe("step 2000 / 2000 · loss 0.9");
    expect(screen.getByText(`WASM · ${WASM_BACKEND.adapter}`)).toBeTruthy();
    expect(screen.getByText(WASM_BACKEND.reason)).toBeTruthy();
    expect(enabledButtons()).toEqual(["Train from scratch", "Reset"]);
    expect(document.querySelector('[data-readout="announcement"]')?.textContent).toBe(
      "Pretrained checkpoint shown, 2000 steps.",
    );
  });

  it("Train, Pause, Resume and Reset send their commands and enable the right buttons", async () => {
    const { driver, store } = setup();
    await started(driver, store);

    fireEvent.click(button("Train from scratch"));
    // From the checkpoint, Train starts over from the seed: a reset, then run.
    expect(driver.commands.slice(1)).toEqual([{ type: "reset", seed: 3 }, { type: "run" }]);
    expect(enabledButtons()).toEqual(["Pause", "Reset"]);

    act(() => driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } }));
    act(() =>
      driver.emit({
        type: "progress",
        step: 412,
        points: curve(412, () => 0.9123, ["lsa"]),
        stepsPerSecond: 88,
      }),
    );
    expect(progressText()).toBe("step 412 / 2000 · loss 0.91 · about 18 s left");
    expect(screen.getByRole("progressbar").getAttribute("value")).toBe("412");
    expect(screen.getByText(/88 steps\/s/)).toBeTruthy();
    expect(document.querySelector('[data-readout="source"]')?.textContent).toBe(
      "Trained here, in your browser, from seed 3.",
    );

    fireEvent.click(button("Pause"));
    expect(driver.types().at(-1)).toBe("pause");
    act(() => driver.emit({ type: "paused", step: 415 }));
    expect(enabledButtons()).toEqual(["Resume", "Reset"]);
    expect(progressText()).toBe("step 415 / 2000 · loss 0.91");
    expect(document.querySelector('[data-readout="announcement"]')?.textContent).toBe(
      "Paused at step 415 of 2000.",
    );

    fireEvent.click(button("Resume"));
    expect(driver.types().at(-1)).toBe("run");
    expect(enabledButtons()).toEqual(["Pause", "Reset"]);

    fireEvent.click(button("Reset"));
    expect(driver.commands.at(-1)).toEqual({ type: "reset", seed: 3 });
    act(() => driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } }));
    expect(progressText()).toBe("step 0 / 2000");
    // Fresh parameters: nothing to reset; Train runs them, the checkpoint can come back.
    expect(enabledButtons()).toEqual(["Train from scratch", "Pretrained"]);
    expect(document.querySelector('[data-readout="source"]')?.textContent).toBe(
      "Fresh parameters from seed 3: press Train to watch them learn.",
    );

    fireEvent.click(button("Pretrained"));
    expect(driver.types().at(-1)).toBe("loadCheckpoint");
  });

  it("a failed checkpoint says why inline and leaves Train from scratch enabled", async () => {
    const message = "The checkpoint file is truncated (invalid JSON at position 1200).";
    const { driver, store } = setup([
      { type: "ready", backend: WASM_BACKEND, parameterCounts: { lsa: 484 }, totalSteps: 2000 },
      { type: "checkpointFailed", message },
      { type: "reset", seed: 3, snapshot: { label: "fresh" } },
    ]);
    act(() => store.getState().start());
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    expect(button("Train from scratch").disabled).toBe(false);
    fireEvent.click(button("Train from scratch"));
    // Fresh parameters of this seed are there already: just run.
    expect(driver.types()).toEqual(["start", "run"]);
  });

  it("a seed that is not a whole number stays in the box with a message; a good one reaches the store", async () => {
    const { driver, store } = setup();
    await started(driver, store);
    const box = screen.getByLabelText("Seed") as HTMLInputElement;
    fireEvent.change(box, { target: { value: "12x" } });
    expect(box.value).toBe("12x");
    expect(screen.getByRole("alert").textContent).toMatch(/keeps seed 3/);
    expect(store.getState().seed).toBe(3);
    fireEvent.change(box, { target: { value: "12" } });
    expect(store.getState().seed).toBe(12);
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(button("Train from scratch"));
    expect(driver.commands.slice(-2)).toEqual([{ type: "reset", seed: 12 }, { type: "run" }]);
  });

  it("the speed and backend selects send setRate and setBackend", async () => {
    const { driver, store } = setup();
    await started(driver, store);
    fireEvent.change(screen.getByLabelText("Speed"), { target: { value: "5" } });
    expect(driver.commands.at(-1)).toEqual({ type: "setRate", stepsPerSecond: 5 });
    fireEvent.change(screen.getByLabelText("Speed"), { target: { value: "max" } });
    expect(driver.commands.at(-1)).toEqual({ type: "setRate", stepsPerSecond: null });
    const backend = screen.getByLabelText("Training backend") as HTMLSelectElement;
    expect(
      within(backend)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["auto", "WebGPU", "WebGL", "WASM", "CPU"]);
    fireEvent.change(backend, { target: { value: "cpu" } });
    expect(driver.commands.at(-1)).toEqual({ type: "setBackend", name: "cpu" });
    expect(backend.value).toBe("cpu");
  });

  it("a failed step shows the store's message and the run can start over", async () => {
    const { driver, store } = setup();
    await started(driver, store);
    fireEvent.click(button("Train from scratch"));
    act(() => {
      driver.emit({ type: "reset", seed: 3, snapshot: { label: "fresh" } });
      driver.emit({ type: "progress", step: 36, points: curve(36, () => 1.2, ["lsa"]), stepsPerSecond: 50 });
      driver.emit({ type: "error", message: "The loss became NaN at step 37." });
    });
    expect(screen.getByRole("alert").textContent).toBe("The loss became NaN at step 37.");
    expect(enabledButtons()).toEqual(["Train from scratch", "Reset", "Pretrained"]);
  });
});
