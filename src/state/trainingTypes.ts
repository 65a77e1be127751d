/*
 * What a Part III figure's store holds. The driver it talks to (src/core/training.ts: its events
 * and commands, plain data) is implemented in src/engine/training (a Web Worker, or the main thread
 * yielding every frame), so the store can be tested with a scripted driver.
 *
 *   widget ─ actions ─► store ─ commands ─► driver (worker: tfjs, Adam, checkpoints)
 *     ▲                   │ ◄── events ───────┘   ready · progress · paused · finished · error …
 *     └── selectors ──────┘
 */
import type { ExperimentId, HistoryPoint, Metrics, ModelId, TrainingBackend } from "../core/training";
import type { TrainingShared } from "./share/trainingShare";

export type { TrainingBackend, TrainingDriver, TrainingEvent } from "../core/training";

export type TrainingStatus =
  /** Starting the trainer (loading tfjs, choosing a backend, reading the checkpoint). */
  | "loading"
  /** Ready, not training: showing a checkpoint or a fresh initialisation. */
  | "idle"
  | "training"
  | "paused"
  /** Reached the configured number of steps. */
  | "finished"
  /** The trainer could not start or a step failed; `message` says why. */
  | "error";

/** A Part III figure's store: everything it draws, plus the actions its controls call. */
export interface TrainingState<Snapshot, ProbeRequest = never, ProbeResult = never> {
  experiment: ExperimentId;
  status: TrainingStatus;
  /** What the curves and maps show: the pretrained checkpoint, a run trained here, or nothing yet. */
  source: "checkpoint" | "live" | "none";
  step: number;
  totalSteps: number;
  /** The loss curve: every point of the run (or the checkpoint's thinned curve). */
  history: HistoryPoint[];
  snapshot: Snapshot | null;
  /** Evaluation losses: the checkpoint's recorded ones, or the run's at its end. */
  metrics: Metrics | null;
  /** The seed a run from scratch starts from (the reader's choice). */
  seed: number;
  /**
   * What the reader chose to show: the pretrained checkpoint, or a run trained here from `seed`
   * (Train from scratch or Reset). A link restores this choice, never the trained weights.
   */
  origin: "checkpoint" | "scratch";
  /** Steps in a full run as the figure was given them (its prop or a link); 0: the experiment's own. */
  runLength: number;
  /** The sequence the reader typed to probe the models, exactly as typed ("" when none). */
  probeText: string;
  /** The seed the shown checkpoint was trained from; null before one is loaded. */
  checkpointSeed: number | null;
  /** The reader's cap on steps per second (null: as fast as possible). */
  rateLimit: number | null;
  /** Measured over the last second or so of training. */
  stepsPerSecond: number | null;
  /** Estimated from stepsPerSecond and the steps left; null when not training. */
  secondsLeft: number | null;
  backend: TrainingBackend | null;
  parameterCounts: Partial<Record<ModelId, number>>;
  /** An inline message for the reader (a failed checkpoint, a bad seed, a failed step); null if none. */
  message: string | null;
  /** Starts the driver (call once, when the figure nears the viewport). */
  start(): void;
  /** Trains from scratch when showing the checkpoint or nothing; resumes when paused. */
  train(): void;
  pause(): void;
  resume(): void;
  /** Back to fresh parameters at the current seed. */
  reset(): void;
  setSeed(seed: number): void;
  /**
   * Starts from a configuration a link restored (call before the trainer settles): seed, run
   * length, speed, the source shown and the probe text. A run from scratch in it is trained again
   * from its seed once the trainer is ready, and the message says so.
   */
  restore(shared: TrainingShared & { probe?: string }): void;
  setProbeText(text: string): void;
  setRate(stepsPerSecond: number | null): void;
  setBackend(name: TrainingBackend["name"] | "auto"): void;
  loadCheckpoint(): void;
  probe(request: ProbeRequest): Promise<ProbeResult>;
  dispose(): void;
}
