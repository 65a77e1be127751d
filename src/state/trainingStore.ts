import { createStore, type StoreApi } from "zustand/vanilla";
import type { ExperimentId } from "../core/training";
import type { TrainingShared } from "./share/trainingShare";
import type { TrainingBackend, TrainingDriver, TrainingEvent, TrainingState } from "./trainingTypes";

/** Seeds the reader can type: whole numbers 0 … 2³¹ − 1 (what a URL and every engine agree on). */
export const MAX_TRAINING_SEED = 2 ** 31 - 1;
export const DEFAULT_TRAINING_SEED = 1;
const BACKEND_CHOICES: readonly (TrainingBackend["name"] | "auto")[] = [
  "auto",
  "webgpu",
  "webgl",
  "wasm",
  "cpu",
];

export interface TrainingStoreOptions {
  /** The seed of runs trained here (default 1). */
  seed?: number;
  /** Steps of a full run until the checkpoint says (the experiment's default; 0 if unknown). */
  totalSteps?: number;
  /**
   * A configuration a link restored (already checked by its codec); it replaces the options above.
   * A run from scratch in it starts again from its seed once the trainer is ready.
   */
  shared?: TrainingShared & { probe?: string };
}

const runLengthOf = (steps: number | undefined) =>
  steps !== undefined && Number.isInteger(steps) && steps > 0 ? steps : 0;
const rateOf = (speed: TrainingShared["speed"]) => (speed === "max" ? null : Number(speed));

/** What a figure says when a link's run from scratch starts again rather than resuming. */
export function restartNotice(seed: number): string {
  return `This link showed a run trained from scratch with seed ${seed}. A link cannot carry trained weights, so that run starts again here from step 0.`;
}

/** Why `seed` cannot seed a run, in words, or null if it can. */
export function seedProblem(seed: unknown): string | null {
  if (typeof seed === "number" && Number.isInteger(seed) && seed >= 0 && seed <= MAX_TRAINING_SEED)
    return null;
  return `The seed must be a whole number from 0 to ${MAX_TRAINING_SEED}.`;
}

const rateProblem = (rate: unknown): string | null =>
  rate === null || (typeof rate === "number" && Number.isFinite(rate) && rate > 0)
    ? null
    : "Steps per second must be a positive number (or as fast as possible).";

/*
 *   loading ──checkpoint / reset──► idle ──train──► training ⇄ paused (pause / resume)
 *                                    ▲                 │ step = total ──► finished
 *                    reset / a seed ─┘                 └ a step fails ──► error
 * Train from the checkpoint, a finished run or an error starts again from the seed (reset, then
 * run); from a fresh initialisation of the current seed it just runs. The driver's events are the
 * truth; train, pause and resume change the status at once so the buttons answer without waiting.
 */
export function createTrainingStore<S, Q = never, R = never>(
  experiment: ExperimentId,
  driver: TrainingDriver<S, Q, R>,
  options: TrainingStoreOptions = {},
): StoreApi<TrainingState<S, Q, R>> {
  const givenSeed = options.seed ?? DEFAULT_TRAINING_SEED;
  const seedMessage = seedProblem(givenSeed);
  const totalSteps = runLengthOf(options.totalSteps);
  // A link's run from scratch: trained again from its seed once the trainer first settles.
  let restartOnOpen = false;
  // Seed of the fresh, untrained parameters the trainer holds now (null once it trained or loaded).
  let freshSeed: number | null = null;
  // A run was asked for after a reset: the reset's event must not set the status back to idle.
  let runAfterReset = false;
  let started = false;
  let unsubscribe: (() => void) | null = null;

  const store = createStore<TrainingState<S, Q, R>>()((set, get) => ({
    experiment,
    status: "loading",
    source: "none",
    step: 0,
    totalSteps,
    history: [],
    snapshot: null,
    metrics: null,
    seed: seedMessage ? DEFAULT_TRAINING_SEED : givenSeed,
    origin: "checkpoint",
    runLength: totalSteps,
    probeText: "",
    checkpointSeed: null,
    rateLimit: null,
    stepsPerSecond: null,
    secondsLeft: null,
    backend: null,
    parameterCounts: {},
    message: seedMessage,

    start() {
      if (started) return;
      started = true;
      driver.start();
      const { rateLimit } = get();
      if (rateLimit !== null) driver.setRate(rateLimit);
    },
    train() {
      const { status, backend } = get();
      if (status === "paused") return get().resume();
      if (status === "loading" || status === "training" || backend === null) return;
      restartOnOpen = false;
      if (freshSeed !== get().seed) {
        runAfterReset = true;
        driver.reset(get().seed);
      }
      driver.run();
      set({ status: "training", origin: "scratch", secondsLeft: null, message: null });
    },
    pause() {
      if (get().status !== "training") return;
      driver.pause();
      set({ status: "paused", secondsLeft: null });
    },
    resume() {
      if (get().status !== "paused") return;
      driver.run();
      set({ status: "training", message: null });
    },
    reset() {
      if (get().status === "loading" || get().backend === null) return;
      runAfterReset = false;
      restartOnOpen = false;
      driver.reset(get().seed);
      set({ status: "idle", origin: "scratch", secondsLeft: null, message: null });
    },
    setSeed(next) {
      const problem = seedProblem(next);
      if (problem) return set({ message: problem });
      if (next === get().seed) return set({ message: null });
      set({ seed: next, message: null });
      // A run trained here restarts from the new seed; the checkpoint stays on screen until Train.
      if (get().source !== "checkpoint" && get().status !== "loading" && get().backend) get().reset();
    },
    restore(shared) {
      const problem = seedProblem(shared.seed) ?? rateProblem(rateOf(shared.speed));
      if (problem) return set({ message: problem });
      // Only a figure whose trainer has not settled yet can start a run again for its reader.
      restartOnOpen = shared.source === "scratch" && get().status === "loading";
      const runLength = runLengthOf(shared.steps);
      set({
        seed: shared.seed,
        origin: shared.source,
        runLength,
        totalSteps: runLength > 0 ? runLength : get().totalSteps,
        probeText: shared.probe ?? get().probeText,
      });
      get().setRate(rateOf(shared.speed));
      set({ message: restartOnOpen ? restartNotice(shared.seed) : null });
    },
    setProbeText(probeText) {
      if (typeof probeText === "string" && probeText !== get().probeText) set({ probeText });
    },
    setRate(stepsPerSecond) {
      const problem = rateProblem(stepsPerSecond);
      if (problem) return set({ message: problem });
      set({ rateLimit: stepsPerSecond, message: null });
      if (started) driver.setRate(stepsPerSecond);
    },
    setBackend(name) {
      if (!BACKEND_CHOICES.includes(name)) return set({ message: `There is no backend called "${name}".` });
      set({ message: null });
      driver.setBackend(name);
    },
    loadCheckpoint() {
      if (get().status === "loading") return;
      runAfterReset = false;
      restartOnOpen = false;
      set({ origin: "checkpoint", message: null });
      driver.loadCheckpoint();
    },
    probe: (request) => driver.probe(request),
    dispose() {
      unsubscribe?.();
      unsubscribe = null;
      driver.dispose();
    },
  }));

  const secondsLeft = (step: number, total: number, perSecond: number | null) =>
    perSecond && perSecond > 0 && total > step ? (total - step) / perSecond : null;

  /** What an event changes. */
  const apply = (event: TrainingEvent<S>): Partial<TrainingState<S, Q, R>> => {
    const state = store.getState();
    switch (event.type) {
      case "ready":
        return {
          backend: event.backend,
          parameterCounts: event.parameterCounts,
          totalSteps: event.totalSteps,
        };
      case "checkpoint":
        freshSeed = null;
        return {
          status: "idle",
          source: "checkpoint",
          checkpointSeed: event.seed,
          step: event.step,
          totalSteps: event.totalSteps,
          history: event.history,
          metrics: event.metrics,
          snapshot: event.snapshot,
          stepsPerSecond: null,
          secondsLeft: null,
        };
      case "checkpointFailed":
        return { message: event.message };
      case "reset": {
        freshSeed = event.seed;
        const status = runAfterReset ? "training" : "idle";
        runAfterReset = false;
        return {
          status,
          source: "none",
          // The trainer's first fresh parameters use its default seed; a link's run keeps its own.
          seed: restartOnOpen ? state.seed : event.seed,
          step: 0,
          history: [],
          metrics: null,
          snapshot: event.snapshot,
          stepsPerSecond: null,
          secondsLeft: null,
        };
      }
      case "progress": {
        freshSeed = null;
        const training = state.status === "training";
        return {
          source: "live",
          step: event.step,
          history: event.points.length > 0 ? state.history.concat(event.points) : state.history,
          stepsPerSecond: event.stepsPerSecond,
          secondsLeft: training ? secondsLeft(event.step, state.totalSteps, event.stepsPerSecond) : null,
          ...(event.snapshot !== undefined ? { snapshot: event.snapshot } : {}),
        };
      }
      case "paused":
        if (state.status !== "training" && state.status !== "paused") return { step: event.step };
        return { status: "paused", step: event.step, secondsLeft: null };
      case "finished":
        runAfterReset = false;
        return {
          status: "finished",
          source: "live",
          step: event.step,
          metrics: event.metrics,
          snapshot: event.snapshot,
          secondsLeft: null,
        };
      case "error":
        runAfterReset = false;
        return { status: "error", message: event.message, secondsLeft: null };
    }
  };

  /** A link's run from scratch starts again once the trainer settles on what it shows first. */
  const restartIfOpenedFromLink = () => {
    const { status, seed: runSeed } = store.getState();
    if (!restartOnOpen || status !== "idle") return;
    store.getState().train();
    store.setState({ message: restartNotice(runSeed) });
  };

  unsubscribe = driver.subscribe((event) => {
    store.setState(apply(event));
    restartIfOpenedFromLink();
  });
  if (options.shared) store.getState().restore(options.shared);
  return store;
}
