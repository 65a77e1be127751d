import type { HistoryPoint } from "../../src/core/training";
import { createTrainingStore } from "../../src/state/trainingStore";
import type { TrainingDriver, TrainingEvent } from "../../src/state/trainingTypes";

/* The store against a scripted driver: it records the commands it is given and emits the events a test says. */

export type Snapshot = { label: string };

export interface ScriptedDriver extends TrainingDriver<Snapshot, { tokens: number[] }, { echoed: number[] }> {
  commands: string[];
  emit(event: TrainingEvent<Snapshot>): void;
  listeners(): number;
}

export function scriptedDriver(): ScriptedDriver {
  const listeners = new Set<(event: TrainingEvent<Snapshot>) => void>();
  const commands: string[] = [];
  const record = (command: string) => () => {
    commands.push(command);
  };
  return {
    commands,
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    listeners: () => listeners.size,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: record("start"),
    run: record("run"),
    pause: record("pause"),
    reset: (seed) => commands.push(`reset ${seed}`),
    loadCheckpoint: record("loadCheckpoint"),
    setRate: (rate) => commands.push(`setRate ${rate}`),
    setBackend: (name) => commands.push(`setBackend ${name}`),
    probe: async (request) => ({ echoed: request.tokens }),
    dispose: record("dispose"),
  };
}

export const BACKEND = {
  name: "wasm" as const,
  adapter: "WebAssembly SIMD",
  reason: "auto: training on WASM",
};
export const points = (from: number, count: number): HistoryPoint[] =>
  Array.from({ length: count }, (_, i) => ({ step: from + i, losses: { lsa: 1 / (from + i + 1) } }));

/** The driver says it is ready and shows the 2000-step checkpoint, as a real one does at start. */
export function readyWithCheckpoint(driver: ScriptedDriver) {
  driver.emit({ type: "ready", backend: BACKEND, parameterCounts: { lsa: 484 }, totalSteps: 2000 });
  driver.emit({
    type: "checkpoint",
    step: 2000,
    totalSteps: 2000,
    seed: 1,
    history: points(0, 5),
    metrics: { lsa: 0.42 },
    snapshot: { label: "checkpoint" },
  });
}

/** A store whose driver has started and shown a checkpoint of 2000 steps. */
export function withCheckpoint() {
  const driver = scriptedDriver();
  const store = createTrainingStore("gd", driver, { seed: 3 });
  store.getState().start();
  readyWithCheckpoint(driver);
  driver.commands.length = 0;
  return { driver, store };
}
