import { errorText } from "../backends";
import type { BackendName } from "../types";
import type {
  FromWorker,
  RunOverrides,
  ToWorker,
  TrainingCommand,
  TrainingDriver,
  TrainingEvent,
} from "./protocol";
import type { ExperimentId } from "./types";

export interface WorkerDriverOptions<S = unknown, Q = unknown, R = unknown> {
  /** The page's `?backend=`, or null for the automatic choice. */
  forced: BackendName | null;
  /** Absolute URL of the checkpoint JSON. */
  checkpointUrl: string;
  /** A shorter or faster run than the experiment's defaults. */
  config?: RunOverrides;
  /**
   * The driver to use instead if the worker cannot start: a page on another origin (an embed) may
   * not start our script as a worker, a Content-Security-Policy may forbid workers. Without one,
   * that failure is an error event.
   */
  fallback?: () => TrainingDriver<S, Q, R>;
  /** Makes the worker (tests make one that fails). */
  spawn?: () => Worker;
}

const spawnTrainingWorker = (experiment: ExperimentId) =>
  new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: `training: ${experiment}` });

/** Gives `command` to `driver` (the fallback) by calling its method. */
function forward<S, Q, R>(driver: TrainingDriver<S, Q, R>, command: TrainingCommand): void {
  if (command.type === "reset") driver.reset(command.seed);
  else if (command.type === "setRate") driver.setRate(command.stepsPerSecond);
  else if (command.type === "setBackend") driver.setBackend(command.name);
  else driver[command.type]();
}

/**
 * A driver whose trainer runs in a module Web Worker (worker.ts): tfjs, the backend and every
 * tensor live there, so a training step never blocks the page's thread. The worker is created on
 * `start()` (a figure far down the page costs nothing until the reader gets near it) and
 * terminated on `dispose()`, which frees its GPU device and tensors with it.
 */
export function createWorkerDriver<S, Q = never, R = never>(
  experiment: ExperimentId,
  options: WorkerDriverOptions<S, Q, R>,
): TrainingDriver<S, Q, R> {
  const listeners = new Set<(event: TrainingEvent<S>) => void>();
  const probes = new Map<number, { resolve(result: R): void; reject(error: Error): void }>();
  let worker: Worker | null = null;
  // Until the worker's first message, its failure to start means: use the fallback, and give it
  // the commands given so far.
  let heard = false;
  const given: TrainingCommand[] = [];
  let fallback: TrainingDriver<S, Q, R> | null = null;
  let nextProbe = 1;
  let disposed = false;

  const emit = (event: TrainingEvent<S>) => {
    for (const listener of listeners) listener(event);
  };

  const receive = (message: FromWorker<S>) => {
    heard = true;
    given.length = 0;
    if (message.type === "event") return emit(message.event);
    const pending = probes.get(message.id);
    if (!pending) return;
    probes.delete(message.id);
    if (message.type === "probeResult") pending.resolve(message.result as R);
    else pending.reject(new Error(message.message));
  };

  // Commands given before start() (a rate chosen early) are sent right after it.
  const early: ToWorker[] = [];
  const send = (message: ToWorker) => {
    if (disposed) return;
    if (message.type !== "setup" && message.type !== "probe" && !heard) given.push(message);
    if (fallback) {
      if (message.type !== "setup" && message.type !== "probe") forward(fallback, message);
    } else if (worker) worker.postMessage(message);
    else early.push(message);
  };

  /** The worker could not start: train on the page's thread instead, if there is a fallback. */
  const failedToStart = (why: string): boolean => {
    if (!options.fallback || heard || disposed) return false;
    worker?.terminate();
    worker = null;
    const driver = options.fallback();
    fallback = driver;
    driver.subscribe((event) =>
      emit(
        event.type === "ready"
          ? {
              ...event,
              backend: { ...event.backend, reason: `${event.backend.reason}; on the page's thread: ${why}` },
            }
          : event,
      ),
    );
    driver.start();
    for (const command of given.splice(0)) if (command.type !== "start") forward(driver, command);
    early.length = 0;
    return true;
  };

  const failProbes = (why: string) => {
    for (const pending of probes.values()) pending.reject(new Error(why));
    probes.clear();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (worker || fallback || disposed) return;
      try {
        worker = (options.spawn ?? (() => spawnTrainingWorker(experiment)))();
      } catch (error) {
        const why = `the training worker could not start (${errorText(error)})`;
        if (!failedToStart(why))
          emit({ type: "error", message: `The training worker could not start (${errorText(error)}).` });
        return;
      }
      worker.onmessage = (event: MessageEvent<FromWorker<S>>) => receive(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        const why = event.message || "its script failed to load";
        if (failedToStart(`the training worker could not start (${why})`)) return;
        failProbes(why);
        emit({ type: "error", message: `The training worker stopped (${why}).` });
      };
      const { forced, checkpointUrl, config = {} } = options;
      send({ type: "setup", experiment, forced, checkpointUrl, config });
      send({ type: "start" });
      for (const message of early.splice(0)) send(message);
    },
    run: () => send({ type: "run" }),
    pause: () => send({ type: "pause" }),
    reset: (seed) => send({ type: "reset", seed }),
    loadCheckpoint: () => send({ type: "loadCheckpoint" }),
    setRate: (stepsPerSecond) => send({ type: "setRate", stepsPerSecond }),
    setBackend: (name) => send({ type: "setBackend", name }),
    probe(request) {
      if (fallback) return fallback.probe(request);
      if (!worker || disposed) return Promise.reject(new Error("The trainer has not started yet."));
      const id = nextProbe++;
      const result = new Promise<R>((resolve, reject) => probes.set(id, { resolve, reject }));
      send({ type: "probe", id, request });
      return result;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      failProbes("The trainer was disposed.");
      listeners.clear();
      worker?.terminate();
      worker = null;
      fallback?.dispose();
    },
  };
}
