/*
 * The plain data of Part III's training runs: which experiment and model, the settings a run is
 * trained with, loss curves, what each figure draws, and the checkpoint file format. Types only:
 * the trainers live in src/engine/training (tfjs); the stores and widgets read these shapes.
 */
import type { Matrix } from "./matrix";

/** The three live experiments of Part III. */
export type ExperimentId = "gd" | "mlp" | "induction";

/**
 * Each model an experiment trains. All models of one experiment see the same batches, step for step:
 * gd trains `lsa`; mlp trains `lsa` and `mlp`; induction trains `twoLayer` and `oneLayer`.
 */
export type ModelId = "lsa" | "mlp" | "twoLayer" | "oneLayer";

/** The settings a run is trained with; stored in checkpoints. Experiment-specific extras live in `options`. */
export interface TrainingConfig {
  /** Seeds the initial parameters and the batch stream (src/core's createRng). */
  seed: number;
  /** Steps in a full run (the progress bar's 100 %). */
  steps: number;
  batchSize: number;
  /** Adam's step size α (β1 = 0.9, β2 = 0.999, ε = 1e-8). */
  learningRate: number;
  /** e.g. { examples: 10, inputDim: 10 } for regression, { vocab: 16, segment: 8 } for induction. */
  options: Record<string, number>;
}

/** One training step's result: every model's loss on the step's batch (computed by the step, before its update). */
export interface StepReport {
  step: number;
  losses: Partial<Record<ModelId, number>>;
  /** Wall time of this step, compute and loss readback, in ms. */
  ms: number;
}

/** One point of a loss curve. */
export interface HistoryPoint {
  step: number;
  losses: Partial<Record<ModelId, number>>;
}

/** Loss on the experiment's fixed evaluation set, per model. */
export type Metrics = Partial<Record<ModelId, number>>;

/** What the gd figure draws: the trained layer read in Part II's parameterisation. */
export interface GdSnapshot {
  /** The learned W_K, W_Q, W_V, P, with P rescaled to Part II's raw-sum convention (P/N). */
  layer: { wk: Matrix; wq: Matrix; wv: Matrix; projection: Matrix };
  /** The preconditioner A [d, d] the layer applies to (1/N)Σ y_i x_i (core's impliedLearningRate). */
  preconditioner: Matrix;
  /** tr(A)/d: the learning rate of the gradient step the layer performs. */
  impliedEta: number;
  /** ‖A − ηI‖/‖A‖: how far the learned map is from a plain gradient step. */
  offIdentity: number;
}

/** The loss of each model on one test distribution, with the two reference lines. */
export interface ShiftRow {
  /** e.g. "as in training", "inputs twice as large", "20 examples". */
  name: string;
  /** Loss per model; null when a model cannot take this input (the MLP's input has room for N examples only). */
  losses: Partial<Record<ModelId, number | null>>;
  zeroPredictor: number;
  /** One step of gradient descent with the best learning rate for this distribution. */
  optimalGd: number;
  /**
   * One step of gradient descent with the learning rate the trained LSA layer implies (tr(A)/d,
   * learned on the training distribution): what the layer loses if it is exactly that step.
   */
  gdAtLearnedEta: number;
}

export interface MlpSnapshot {
  shifted: ShiftRow[];
}

/** The attention weights of every head on one sequence: per model, [layer][head] → [T, T]. */
export type HeadMaps = Partial<Record<ModelId, Matrix[][]>>;

export interface InductionSnapshot {
  /** The fixed probe sequence the maps are drawn on (token ids). */
  tokens: number[];
  attention: HeadMaps;
}

export interface InductionProbeRequest {
  /** The reader's sequence, token ids in [0, vocab); 2 ≤ length ≤ the model's context. */
  tokens: number[];
}

export interface InductionProbeResult {
  tokens: number[];
  attention: HeadMaps;
  /** Per model, per position t: the most likely next token and its probability. */
  next: Partial<Record<ModelId, { token: number; probability: number }[]>>;
}

/** The file written by `npm run train:<experiment>` into public/checkpoints/. */
export interface Checkpoint {
  format: "dynamic-weights-checkpoint";
  version: 1;
  experiment: ExperimentId;
  config: TrainingConfig;
  /** Steps trained. */
  step: number;
  /** The backend the script trained on ("wasm" or "cpu" in Node). */
  backend: "webgpu" | "webgl" | "wasm" | "cpu";
  /** Parameters per model; values as plain numbers (JSON). */
  models: Partial<Record<ModelId, Record<string, { shape: number[]; values: number[] }>>>;
  /** The training curve, thinned to at most a few hundred points. */
  history: HistoryPoint[];
  /** Evaluation loss per model at `step`; loading the checkpoint must reproduce these. */
  metrics: Metrics;
  /** ISO date the script wrote it. */
  created: string;
}

/** The backend the trainer runs on, in words, for the badge. */
export interface TrainingBackend {
  name: "webgpu" | "webgl" | "wasm" | "cpu";
  adapter: string;
  reason: string;
}

/** Messages from a driver. */
export type TrainingEvent<Snapshot> =
  /** The trainer runs; `totalSteps` is the length of a full run (the progress bar's 100 %). */
  | {
      type: "ready";
      backend: TrainingBackend;
      parameterCounts: Partial<Record<ModelId, number>>;
      totalSteps: number;
    }
  /** A checkpoint was loaded: the curve it was trained with, its metrics and what it draws. */
  | {
      type: "checkpoint";
      step: number;
      totalSteps: number;
      /** The seed the checkpoint was trained from. */
      seed: number;
      history: HistoryPoint[];
      metrics: Metrics;
      snapshot: Snapshot;
    }
  /** The checkpoint could not be used; training from scratch is still available. */
  | { type: "checkpointFailed"; message: string }
  /** Fresh parameters at step 0 (after reset or a seed change). */
  | { type: "reset"; seed: number; snapshot: Snapshot }
  /** New steps since the last progress event (points to append to the curve); snapshot when due. */
  | {
      type: "progress";
      step: number;
      points: HistoryPoint[];
      stepsPerSecond: number | null;
      snapshot?: Snapshot;
    }
  | { type: "paused"; step: number }
  | { type: "finished"; step: number; metrics: Metrics; snapshot: Snapshot }
  | { type: "error"; message: string };

/** The commands a store sends to its driver. Every call returns at once; results arrive as events. */
export interface TrainingDriver<Snapshot, ProbeRequest = never, ProbeResult = never> {
  subscribe(listener: (event: TrainingEvent<Snapshot>) => void): () => void;
  /** Loads tfjs, picks the backend, loads the experiment's checkpoint (events: ready, checkpoint|checkpointFailed). */
  start(): void;
  /** Trains from the current parameters until `totalSteps` or `pause`. */
  run(): void;
  pause(): void;
  /** Fresh parameters from `seed`, step 0, curve cleared. */
  reset(seed: number): void;
  /** Reloads the pretrained checkpoint. */
  loadCheckpoint(): void;
  /** At most this many steps per second; null: as fast as the backend allows (still yielding). */
  setRate(stepsPerSecond: number | null): void;
  setBackend(name: TrainingBackend["name"] | "auto"): void;
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** Stops training and frees the worker and every tensor. */
  dispose(): void;
}
