/*
 * What crosses between a Part III store and its trainer: the commands behind the driver's methods
 * and the messages of the Web Worker that runs them. Types only. The driver and its events are
 * plain data shared with src/state, so they live in src/core/training.ts.
 */
import type { ExperimentId, TrainingConfig, TrainingEvent } from "../../core/training";

export type { TrainingBackend, TrainingDriver, TrainingEvent } from "../../core/training";

import type { BackendName } from "../types";

/** The driver's methods as data: what the host handles, in the order they were called. */
export type TrainingCommand =
  | { type: "start" }
  | { type: "run" }
  | { type: "pause" }
  | { type: "reset"; seed: number }
  | { type: "loadCheckpoint" }
  | { type: "setRate"; stepsPerSecond: number | null }
  | { type: "setBackend"; name: BackendName | "auto" }
  | { type: "dispose" };

/** How the worker is set up: sent once, before any command. */
export interface WorkerSetup {
  experiment: ExperimentId;
  /** The page's `?backend=`, or null for the automatic choice. */
  forced: BackendName | null;
  /** Absolute URL of the checkpoint JSON (the worker resolves relative URLs against its own script). */
  checkpointUrl: string;
  /** A shorter or faster run than the experiment's defaults (tests, quick demos); a loaded checkpoint brings its own. */
  config?: RunOverrides;
}

/** The settings of a run a page may change; the rest (the task's options) belong to the experiment. */
export type RunOverrides = Partial<Pick<TrainingConfig, "steps" | "batchSize" | "learningRate">>;

/** Main thread → worker. */
export type ToWorker =
  | ({ type: "setup" } & WorkerSetup)
  | TrainingCommand
  | { type: "probe"; id: number; request: unknown };

/** Worker → main thread. */
export type FromWorker<Snapshot = unknown> =
  | { type: "event"; event: TrainingEvent<Snapshot> }
  | { type: "probeResult"; id: number; result: unknown }
  | { type: "probeFailed"; id: number; message: string };
