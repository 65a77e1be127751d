import type { TrainingConfig } from "../../core/training";
import { errorText } from "../backends";
import { defaultLoader } from "../loadTf";
import type { BackendName, TfLoader } from "../types";
import type { TrainingHost } from "./host";
import type { TrainingCommand, TrainingDriver, TrainingEvent } from "./protocol";
import type { Experiment } from "./types";
import { fetchText, yieldFrame } from "./yielding";

export interface InlineDriverOptions {
  forced: BackendName | null;
  checkpointUrl: string | null;
  /** Default: tfjs imported on demand. Node tests pass one whose backends are there. */
  loader?: TfLoader;
  fetchText?: (url: string) => Promise<string>;
  /** Default: one animation frame (a macrotask where there are none). */
  yieldToThread?: () => Promise<void>;
  /** Overrides of the experiment's defaults (tests train fewer steps). */
  config?: Partial<TrainingConfig>;
}

/**
 * The same driver as the worker's, with the host on the current thread: for pages without module
 * workers, and for tests in Node and jsdom. Each slice of steps is at most ~8 ms of work followed
 * by a frame, so the page keeps drawing while it trains. The host (and through it the trainer and
 * tfjs) is imported on `start()`, keeping them out of the first-paint bundle.
 */
export function createInlineDriver<S, Q = never, R = never>(
  experiment: Experiment<S, Q, R> | (() => Promise<Experiment<S, Q, R>>),
  options: InlineDriverOptions,
): TrainingDriver<S, Q, R> {
  const listeners = new Set<(event: TrainingEvent<S>) => void>();
  let host: TrainingHost<Q, R> | null = null;
  let loading: Promise<TrainingHost<Q, R> | null> | null = null;
  // Commands given while the host loads, sent in order once it is there.
  const waiting: TrainingCommand[] = [];
  let disposed = false;

  const emit = (event: TrainingEvent<S>) => {
    for (const listener of listeners) listener(event);
  };

  const load = async (): Promise<TrainingHost<Q, R> | null> => {
    try {
      const [{ createTrainingHost }, resolved] = await Promise.all([
        import("./host"),
        typeof experiment === "function" ? experiment() : experiment,
      ]);
      if (disposed) return null;
      host = createTrainingHost<S, Q, R>({
        experiment: resolved,
        loader: options.loader ?? defaultLoader,
        forced: options.forced,
        checkpointUrl: options.checkpointUrl,
        fetchText: options.fetchText ?? fetchText,
        yieldToThread: options.yieldToThread ?? yieldFrame,
        emit,
        config: options.config,
      });
    } catch (error) {
      emit({ type: "error", message: `Training could not start: ${errorText(error)}` });
      return null;
    }
    for (const command of waiting.splice(0)) host.handle(command);
    return host;
  };

  const send = (command: TrainingCommand) => {
    if (disposed) return;
    if (host) host.handle(command);
    else waiting.push(command);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (disposed || loading) return;
      loading = load();
      // Commands given before start() (a rate chosen early) follow it.
      waiting.unshift({ type: "start" });
    },
    run: () => send({ type: "run" }),
    pause: () => send({ type: "pause" }),
    reset: (seed) => send({ type: "reset", seed }),
    loadCheckpoint: () => send({ type: "loadCheckpoint" }),
    setRate: (stepsPerSecond) => send({ type: "setRate", stepsPerSecond }),
    setBackend: (name) => send({ type: "setBackend", name }),
    async probe(request) {
      const ready = host ?? (await loading);
      if (!ready || disposed) throw new Error("The trainer has not started yet.");
      return ready.probe(request);
    },
    dispose() {
      if (disposed) return;
      send({ type: "dispose" });
      disposed = true;
      listeners.clear();
    },
  };
}
