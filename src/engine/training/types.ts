/*
 * Part III's training contract: what an experiment is, what a trainer does, and the plain data
 * that crosses from the trainer (a Web Worker, or the main thread in tests) to the widgets.
 *
 *   experiment (models + seeded batches from src/core) ─► trainer (tfjs variables, Adam, tf.tidy)
 *        │                                                   │ step() → StepReport (losses)
 *        │                                                   │ snapshot() → what the figure draws
 *   checkpoint JSON (public/checkpoints/<id>.json) ◄─────────┘ exportCheckpoint() / load()
 *
 * Everything here is a type: importing it loads no tfjs.
 */
import type { Rng } from "../../core/rng";
import type {
  Checkpoint,
  ExperimentId,
  HistoryPoint,
  Metrics,
  ModelId,
  StepReport,
  TrainingConfig,
} from "../../core/training";
import type { BackendName, Tf } from "../types";

export type * from "../../core/training";

/** tfjs's tensor type (type-only import: loads nothing). */
export type Tensor = import("@tensorflow/tfjs-core").Tensor;
export type Scalar = import("@tensorflow/tfjs-core").Scalar;

/** Named parameter values of one model, row-major float32, with their shapes. */
export interface NamedArrays {
  [name: string]: { shape: number[]; values: Float32Array };
}

/** One model inside an experiment: its parameters and its loss. */
export interface ModelSpec {
  id: ModelId;
  /** For the legend, e.g. "linear self-attention (484 parameters)". */
  label: string;
  /** Fresh parameters drawn from `rng` (the same rng call order always gives the same values). */
  init(rng: Rng): NamedArrays;
  /**
   * The mean loss of one batch, a scalar tensor. Called inside `tf.variableGrads`/`tf.tidy`:
   * create no variables, keep no tensors.
   */
  loss(tf: Tf, params: Record<string, Tensor>, batch: Record<string, Tensor>): Scalar;
}

/** A batch as plain typed arrays (sampled by src/core), uploaded by `toTensors`. */
export interface BatchArrays {
  [name: string]: { shape: number[]; values: Float32Array | Int32Array };
}

/** An experiment: which models, which data, and what its figure draws. */
export interface Experiment<Snapshot, ProbeRequest = never, ProbeResult = never> {
  id: ExperimentId;
  defaults: TrainingConfig;
  models(config: TrainingConfig): ModelSpec[];
  /** The next training batch from the run's rng. */
  sampleBatch(rng: Rng, config: TrainingConfig): BatchArrays;
  /** A fixed evaluation set (its own fixed seed, independent of the run's seed). */
  evaluationBatch(config: TrainingConfig): BatchArrays;
  /** What the widget draws from the current parameters (plain data; computed with tfjs, read back async). */
  snapshot(
    tf: Tf,
    params: Partial<Record<ModelId, Record<string, Tensor>>>,
    config: TrainingConfig,
  ): Promise<Snapshot>;
  /** Runs the trained models on the reader's own input (e.g. a typed token sequence). */
  probe?(
    tf: Tf,
    params: Partial<Record<ModelId, Record<string, Tensor>>>,
    config: TrainingConfig,
    request: ProbeRequest,
  ): Promise<ProbeResult>;
}

/** Parameters plus Adam's moments: everything needed to continue a run on another backend. */
export interface TrainerState {
  step: number;
  params: Partial<Record<ModelId, NamedArrays>>;
  /** Adam's first and second moments, per model and parameter name (same shapes as params). */
  adam: { m: Partial<Record<ModelId, NamedArrays>>; v: Partial<Record<ModelId, NamedArrays>> };
}

/**
 * Trains one experiment's models on the current tfjs backend. Holds tf.Variables between steps
 * (the only tensors that outlive a call) and frees them in `dispose`; every step runs in tf.tidy,
 * so `tf.memory().numTensors` stays flat across any number of steps.
 *
 * Batches are deterministic per (seed, step): step s draws from `createRng(batchSeed(seed, s))`,
 * so a run resumed at step s (after `restore`, or on another backend) sees the same batches.
 */
export interface Trainer<Snapshot = unknown, ProbeRequest = never, ProbeResult = never> {
  readonly experiment: ExperimentId;
  readonly config: TrainingConfig;
  /** Steps taken since the parameters were initialised (or the checkpoint's step after `load`). */
  step(): number;
  /** One Adam step on every model, on the same batch; losses read back with async `data()`. */
  train(): Promise<StepReport>;
  snapshot(): Promise<Snapshot>;
  /** Loss of every model on the experiment's fixed evaluation batch. */
  evaluate(): Promise<Metrics>;
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** Fresh parameters from `seed` (default: the config's), step 0, Adam cleared. */
  reset(seed?: number): void;
  /** Parameters from a validated checkpoint; step = checkpoint.step; Adam cleared. */
  load(checkpoint: Checkpoint): void;
  exportCheckpoint(history: HistoryPoint[], metrics: Metrics, backend: BackendName): Promise<Checkpoint>;
  exportState(): Promise<TrainerState>;
  restore(state: TrainerState): void;
  /** The number of parameters of each model (for labels and the bench). */
  parameterCounts(): Partial<Record<ModelId, number>>;
  dispose(): void;
}
