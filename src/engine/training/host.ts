import type { Checkpoint, TrainingConfig } from "../../core/training";
import { BACKEND_LABEL } from "../backendParam";
import { errorText } from "../backends";
import type { BackendName, Tf, TfLoader } from "../types";
import { chooseTrainingBackend, type TrainingBackendChoice } from "./backendChoice";
import { parseCheckpoint } from "./checkpoint";
import { registerGradients } from "./gradients";
import { onOwnBackend } from "./ownBackend";
import { createPace, createStepMeter } from "./pace";
import type { TrainingCommand, TrainingEvent } from "./protocol";
import { createTrainer } from "./trainer";
import { type LoopEnd, trainInSlices } from "./trainingLoop";
import type { Experiment, Trainer } from "./types";

export interface TrainingHostDeps<S, Q, R> {
  experiment: Experiment<S, Q, R>;
  /** tfjs-core and its backends (src/engine/loadTf's defaultLoader imports them on demand). */
  loader: TfLoader;
  /** The page's `?backend=`, or null for the automatic choice. */
  forced: BackendName | null;
  /** Where the pretrained checkpoint is; null: none (start from a fresh initialisation). */
  checkpointUrl: string | null;
  fetchText(url: string): Promise<string>;
  /** Gives the thread back between slices of work. */
  yieldToThread(): Promise<void>;
  emit(event: TrainingEvent<S>): void;
  /** Overrides of the experiment's defaults (tests train fewer steps on smaller batches). */
  config?: Partial<TrainingConfig>;
  now?: () => number;
  sliceMs?: number;
  snapshotEveryMs?: number;
}

/** One experiment's trainer behind the driver's commands (in a Web Worker, or on the page's thread). */
export interface TrainingHost<Q, R> {
  /** Takes a command; it runs after those received before it (pause and setRate take effect at once). */
  handle(command: TrainingCommand): void;
  /** Runs the trained models on the reader's input, after the commands received so far. */
  probe(request: Q): Promise<R>;
  /** Resolves once every command received so far has been handled (the loop may still be training). */
  settled(): Promise<void>;
  /** Steps taken so far (tests count them across a pause). */
  step(): number;
}

// Commands that stop a running loop the moment they are received.
const STOPS_TRAINING = new Set<TrainingCommand["type"]>([
  "pause",
  "reset",
  "loadCheckpoint",
  "setBackend",
  "dispose",
]);

/*
 * Commands run one at a time, in the order received, on one promise chain. The training loop runs
 * beside that chain: `run` starts it and returns, so a pause is handled while steps are under way.
 * Every run or stopping command takes a number on receipt; a loop keeps going only while the
 * latest such number is its own, so no step starts after a pause is received.
 */
export function createTrainingHost<S, Q, R>(deps: TrainingHostDeps<S, Q, R>): TrainingHost<Q, R> {
  const { experiment, emit } = deps;
  const now = deps.now ?? (() => performance.now());
  const pace = createPace(now);
  const meter = createStepMeter();
  let tf: Tf | null = null;
  let trainer: Trainer<S, Q, R> | null = null;
  let backend: TrainingBackendChoice | null = null;
  let checkpoint: Checkpoint | null = null;
  let seed = deps.config?.seed ?? experiment.defaults.seed;
  let requested = deps.forced;
  let received = 0;
  let control = 0;
  let loop: Promise<LoopEnd> | null = null;
  let disposed = false;
  let chain: Promise<void> = Promise.resolve();

  const ready = (t: Trainer<S, Q, R>, b: TrainingBackendChoice) =>
    emit({
      type: "ready",
      backend: { name: b.name, adapter: b.adapter, reason: b.reason },
      parameterCounts: t.parameterCounts(),
      totalSteps: t.config.steps,
    });

  /** A trainer on the backend just chosen, which stays its backend even if the page's engine switches tfjs. */
  const makeTrainer = (t: Tf, b: TrainingBackendChoice, config: Partial<TrainingConfig> | undefined) =>
    onOwnBackend(t, b.name, createTrainer(t, experiment, config));

  const startLoop = (t: Trainer<S, Q, R>, gen: number) => {
    meter.clear();
    loop = trainInSlices({
      trainer: t,
      wanted: () => control === gen && !disposed,
      emit,
      pace,
      meter,
      yieldToThread: deps.yieldToThread,
      now,
      sliceMs: deps.sliceMs,
      snapshotEveryMs: deps.snapshotEveryMs,
    });
  };

  /** Waits for the loop to end (it stops by itself: a stopping command changed `control`). */
  const stopLoop = async (): Promise<LoopEnd | "none"> => {
    pace.interrupt();
    const end = loop ? await loop : "none";
    loop = null;
    return end;
  };

  const fresh = async (t: Trainer<S, Q, R>) => {
    t.reset(seed);
    emit({ type: "reset", seed, snapshot: await t.snapshot() });
  };

  /** The checkpoint's parameters, curve and metrics; or why not (then training from scratch is still there). */
  const showCheckpoint = async (t: Trainer<S, Q, R>): Promise<boolean> => {
    const loaded = checkpoint ?? (await fetchCheckpoint());
    if (!loaded) return false;
    try {
      t.load(loaded);
      checkpoint = loaded;
      emit({
        type: "checkpoint",
        step: t.step(),
        totalSteps: t.config.steps,
        seed: loaded.config.seed,
        history: loaded.history,
        metrics: loaded.metrics,
        snapshot: await t.snapshot(),
      });
      return true;
    } catch (error) {
      checkpoint = null;
      emit({
        type: "checkpointFailed",
        message: `The pretrained checkpoint does not fit this model (${errorText(error)}).`,
      });
      return false;
    }
  };

  /** Fetches and validates the checkpoint; on failure says why (null: there is none to show). */
  const fetchCheckpoint = async (): Promise<Checkpoint | null> => {
    const url = deps.checkpointUrl;
    if (!url) return null;
    let text: string;
    try {
      text = await deps.fetchText(url);
    } catch (error) {
      emit({
        type: "checkpointFailed",
        message: `The pretrained checkpoint could not be loaded (${errorText(error)}).`,
      });
      return null;
    }
    const parsed = parseCheckpoint(text, experiment.id);
    if (parsed.ok) return parsed.checkpoint;
    emit({ type: "checkpointFailed", message: parsed.message });
    return null;
  };

  const start = async () => {
    if (trainer) return;
    try {
      tf ??= await deps.loader.core();
      await registerGradients();
      backend = await chooseTrainingBackend(tf, deps.loader, requested);
      trainer = makeTrainer(tf, backend, deps.config);
    } catch (error) {
      emit({ type: "error", message: `Training could not start: ${errorText(error)}` });
      return;
    }
    ready(trainer, backend);
    if (!(await showCheckpoint(trainer))) await fresh(trainer);
  };

  /** Moves the run to another backend: parameters and Adam's moments go across, the step count too. */
  const switchBackend = async (name: BackendName | "auto", gen: number) => {
    requested = name === "auto" ? null : name;
    // Before a successful start there is no run to carry over: starting again is the switch.
    if (!tf || !trainer) return start();
    const wasTraining = (await stopLoop()) === "stopped";
    let carried: Awaited<ReturnType<Trainer["exportState"]>> | null = null;
    let why = "";
    try {
      carried = await trainer.exportState();
    } catch (error) {
      why = errorText(error);
    }
    // The run's settings (a checkpoint's, a reader's seed) go across with it.
    const config = trainer.config;
    trainer.dispose();
    trainer = null;
    try {
      backend = await chooseTrainingBackend(tf, deps.loader, requested);
      trainer = makeTrainer(tf, backend, config);
    } catch (error) {
      emit({ type: "error", message: `Training could not move to another backend: ${errorText(error)}` });
      return;
    }
    ready(trainer, backend);
    if (carried) {
      try {
        trainer.restore(carried);
      } catch (error) {
        carried = null;
        why = errorText(error);
      }
    }
    if (!carried) {
      emit({
        type: "error",
        message: `The run could not be carried over to ${BACKEND_LABEL[backend.name]} (${why}); starting again from step 0.`,
      });
      await fresh(trainer);
    } else if (wasTraining && control === gen) startLoop(trainer, gen);
  };

  const execute = async (command: TrainingCommand, gen: number): Promise<void> => {
    if (disposed) return;
    if (command.type === "start") return start();
    if (command.type === "setBackend") return switchBackend(command.name, gen);
    if (command.type === "dispose") {
      disposed = true;
      await stopLoop();
      trainer?.dispose();
      trainer = null;
      return;
    }
    if (!trainer) return;
    switch (command.type) {
      case "run": {
        if (control !== gen) return;
        await stopLoop();
        startLoop(trainer, gen);
        return;
      }
      case "pause": {
        if ((await stopLoop()) === "stopped") emit({ type: "paused", step: trainer.step() });
        return;
      }
      case "reset": {
        await stopLoop();
        seed = command.seed;
        await fresh(trainer);
        return;
      }
      case "loadCheckpoint": {
        if ((await stopLoop()) === "stopped") emit({ type: "paused", step: trainer.step() });
        await showCheckpoint(trainer);
        return;
      }
      case "setRate":
        return;
    }
  };

  return {
    handle(command) {
      const gen = ++received;
      if (command.type === "setRate") {
        pace.setRate(command.stepsPerSecond);
        return;
      }
      if (command.type === "run" || STOPS_TRAINING.has(command.type)) {
        control = gen;
        pace.interrupt();
      }
      chain = chain
        .then(() => execute(command, gen))
        .catch((error) => emit({ type: "error", message: errorText(error) }));
    },
    probe(request) {
      const result = chain.then(() => {
        if (!trainer) throw new Error("The trainer has not started yet.");
        return trainer.probe(request);
      });
      chain = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    settled: () => chain,
    step: () => trainer?.step() ?? 0,
  };
}
