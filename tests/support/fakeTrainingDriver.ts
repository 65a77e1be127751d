import type { ExperimentId, HistoryPoint, Metrics, ModelId } from "../../src/core/training";
import type { TrainingBackend, TrainingDriver, TrainingEvent } from "../../src/state/trainingTypes";
import type { TrainingDrivers } from "../../src/widgets/shared/TrainingDriverContext";

/** A command a store sent, as data, in the order it was sent. */
export type FakeCommand =
  | { type: "start" | "run" | "pause" | "loadCheckpoint" | "dispose" }
  | { type: "reset"; seed: number }
  | { type: "setRate"; stepsPerSecond: number | null }
  | { type: "setBackend"; name: TrainingBackend["name"] | "auto" }
  | { type: "probe"; request: unknown };

/**
 * A scripted stand-in for the worker driver, for component tests: it records every command and
 * sends the events the test (or its script) gives it. Events go out on a later microtask, as a
 * worker's messages would, never inside the command that caused them.
 */
export interface FakeTrainingDriver<S, Q = never, R = never> extends TrainingDriver<S, Q, R> {
  readonly experiment: ExperimentId;
  commands: FakeCommand[];
  /** The command types only, e.g. ["start", "reset", "run"]. */
  types(): string[];
  /** Sends an event to every subscriber now (tests wrap it in act()). */
  emit(event: TrainingEvent<S>): void;
  disposed: boolean;
}

export interface FakeScript<S, Q, R> {
  /** Events to send after a command, e.g. ready + checkpoint after start. */
  after?: Partial<Record<FakeCommand["type"], (command: FakeCommand) => TrainingEvent<S>[]>>;
  /** Answers a probe (a thrown error rejects it). */
  probe?: (request: Q) => R | Promise<R>;
}

export function createFakeDriver<S, Q = never, R = never>(
  experiment: ExperimentId,
  script: FakeScript<S, Q, R> = {},
): FakeTrainingDriver<S, Q, R> {
  const listeners = new Set<(event: TrainingEvent<S>) => void>();
  const record = (command: FakeCommand) => {
    driver.commands.push(command);
    const events = script.after?.[command.type]?.(command) ?? [];
    if (events.length > 0) queueMicrotask(() => events.forEach(driver.emit));
  };
  const driver: FakeTrainingDriver<S, Q, R> = {
    experiment,
    commands: [],
    disposed: false,
    types: () => driver.commands.map((c) => c.type),
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => record({ type: "start" }),
    run: () => record({ type: "run" }),
    pause: () => record({ type: "pause" }),
    reset: (seed) => record({ type: "reset", seed }),
    loadCheckpoint: () => record({ type: "loadCheckpoint" }),
    setRate: (stepsPerSecond) => record({ type: "setRate", stepsPerSecond }),
    setBackend: (name) => record({ type: "setBackend", name }),
    async probe(request) {
      record({ type: "probe", request });
      if (!script.probe) throw new Error("this fake driver answers no probes");
      await Promise.resolve();
      return script.probe(request);
    },
    dispose() {
      driver.disposed = true;
      record({ type: "dispose" });
      listeners.clear();
    },
  };
  return driver;
}

/** Drivers for a TrainingDriverProvider: each figure gets a new scripted fake, kept in `created`. */
export function fakeDrivers<S, Q = never, R = never>(
  script: FakeScript<S, Q, R> = {},
): TrainingDrivers & { created: FakeTrainingDriver<S, Q, R>[] } {
  const created: FakeTrainingDriver<S, Q, R>[] = [];
  return {
    forced: null,
    created,
    createDriver(experiment) {
      const driver = createFakeDriver<S, Q, R>(experiment, script);
      created.push(driver);
      return driver as unknown as TrainingDriver<unknown, unknown, unknown>;
    },
  };
}

export const WASM_BACKEND: TrainingBackend = {
  name: "wasm",
  adapter: "WebAssembly (SIMD, 1 thread)",
  reason: "auto: no hardware GPU adapter, training on WASM",
};

/** A falling loss curve of `steps` points for the given models (loss(model, step)). */
export function curve(
  steps: number,
  loss: (model: string, step: number) => number,
  models: readonly string[],
  from = 1,
): HistoryPoint[] {
  return Array.from({ length: steps }, (_, i) => {
    const step = from + i;
    return { step, losses: Object.fromEntries(models.map((m) => [m, loss(m, step)])) };
  });
}

/** The events of a driver that started and loaded its checkpoint. */
export function startedWithCheckpoint<S>(
  snapshot: S,
  history: HistoryPoint[],
  metrics: Metrics,
  parameterCounts: Partial<Record<ModelId, number>>,
  totalSteps = history[history.length - 1]?.step ?? 0,
): TrainingEvent<S>[] {
  return [
    { type: "ready", backend: WASM_BACKEND, parameterCounts, totalSteps },
    { type: "checkpoint", step: totalSteps, totalSteps, seed: 1, history, metrics, snapshot },
  ];
}
