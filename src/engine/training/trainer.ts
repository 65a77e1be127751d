import { createRng } from "../../core/rng";
import type { BackendName, Tf } from "../types";
import { type Adam, createAdam } from "./adam";
import { batchSeed, initSeed } from "./batchSeed";
import {
  assertSameShapes,
  assignFrom,
  float32Decimal,
  fromCheckpointModel,
  parameterCount,
  readGroups,
  toCheckpointModel,
  variablesFrom,
} from "./parameters";
import { resolveConfig } from "./trainingConfig";
import type {
  BatchArrays,
  Checkpoint,
  Experiment,
  HistoryPoint,
  Metrics,
  ModelId,
  ModelSpec,
  NamedArrays,
  StepReport,
  Tensor,
  Trainer,
  TrainerState,
  TrainingConfig,
} from "./types";

/*
 * The generic trainer: any Experiment's models, trained side by side on the same batches.
 *
 *   step s: batch ← experiment.sampleBatch(createRng(batchSeed(seed, s)))   (core, plain arrays)
 *           tf.tidy { upload; per model: loss, grads = variableGrads; clip; Adam (refused on
 *                     the device if the loss or gradient is not finite); stack the losses }
 *           one async data() → StepReport, or an Error if a loss was NaN/∞ (nothing changed)
 *
 * Between calls the only live tensors are the parameters and Adam's moments (tf.Variables).
 */

type Variable = ReturnType<Tf["variable"]>;

/** One model's live state: its spec, parameter variables and optimiser. */
interface ModelRun {
  spec: ModelSpec;
  /** Names and shapes of the parameters (the initial values of the current seed). */
  shapes: NamedArrays;
  params: Record<string, Variable>;
  adam: Adam;
}

/** Plain arrays to tensors (float32 or int32 by the array type). Call inside tf.tidy. */
function uploadBatch(tf: Tf, arrays: BatchArrays): Record<string, Tensor> {
  return Object.fromEntries(
    Object.entries(arrays).map(([name, a]) => [
      name,
      tf.tensor(a.values, a.shape, a.values instanceof Int32Array ? "int32" : "float32"),
    ]),
  );
}

/** Each model's initial parameters for `seed`: drawn from its own stream, initSeed(seed, id). */
function initialParameters(spec: ModelSpec, seed: number): NamedArrays {
  return spec.init(createRng(initSeed(seed, spec.id)));
}

/**
 * A trainer for `experiment` on tfjs's current backend. `config` overrides the experiment's
 * defaults (options merged key by key); options.clipNorm > 0 clips each model's gradient to that
 * global L2 norm before Adam (0 or absent: no clipping).
 *
 * `load` adopts the checkpoint's settings (its models are rebuilt if their sizes differ); a
 * checkpoint that does not fit throws and leaves the trainer as it was.
 *
 * A step's report carries `step` = the number of updates the parameters had when its losses were
 * measured (0 for the first step); after it, `step()` is one more. A step whose loss or gradient
 * is not finite changes nothing (parameters, moments and step are kept, on the device) and
 * rejects with an Error that says which model diverged.
 */
export function createTrainer<S, Q = never, R = never>(
  tf: Tf,
  experiment: Experiment<S, Q, R>,
  initialConfig?: Partial<TrainingConfig>,
): Trainer<S, Q, R> {
  let config = resolveConfig(experiment.defaults, initialConfig);
  let runs: ModelRun[] = [];
  let currentStep = 0;
  // The step at which Adam's moments were last cleared (0, or a loaded checkpoint's step): Adam's
  // bias correction counts its own updates, t = step − adamSince + 1, not the run's steps.
  let adamSince = 0;
  // Bumped by reset/load/restore: a step whose readback lands after one of them keeps its hands off.
  let generation = 0;
  let stepping = false;
  let disposed = false;
  let evaluation: { config: TrainingConfig; arrays: BatchArrays } | null = null;

  const live = () => {
    if (disposed) throw new Error(`The ${experiment.id} trainer was disposed`);
  };

  const disposeRuns = () => {
    for (const run of runs) {
      for (const variable of Object.values(run.params)) variable.dispose();
      run.adam.dispose();
    }
    runs = [];
  };

  /**
   * New variables for `config`'s models, holding `values(spec)` (or the seed's initial values).
   * If any model fails, what was built is freed and the current models are kept.
   */
  const buildRuns = (values?: (spec: ModelSpec, shapes: NamedArrays) => NamedArrays) => {
    const built: ModelRun[] = [];
    try {
      for (const spec of experiment.models(config)) {
        const shapes = initialParameters(spec, config.seed);
        const params = variablesFrom(tf, values ? values(spec, shapes) : shapes, true);
        built.push({ spec, shapes, params, adam: createAdam(tf, params, shapes, config) });
      }
    } catch (error) {
      for (const run of built) {
        for (const variable of Object.values(run.params)) variable.dispose();
        run.adam.dispose();
      }
      throw error;
    }
    disposeRuns();
    runs = built;
  };

  const paramsById = () =>
    Object.fromEntries(runs.map((run) => [run.spec.id, run.params])) as Partial<
      Record<ModelId, Record<string, Tensor>>
    >;

  const evaluationArrays = () => {
    if (evaluation?.config !== config) {
      evaluation = { config, arrays: experiment.evaluationBatch(config) };
    }
    return evaluation.arrays;
  };

  /** Losses of every model on `arrays`, without gradients, in one readback. */
  const lossesOn = async (arrays: BatchArrays): Promise<Metrics> => {
    const stacked = tf.tidy(() => {
      const batch = uploadBatch(tf, arrays);
      return tf.stack(runs.map((run) => run.spec.loss(tf, run.params, batch)));
    });
    const values = await stacked.data();
    stacked.dispose();
    return Object.fromEntries(runs.map((run, i) => [run.spec.id, values[i]]));
  };

  /** Reads parameters (and, if asked, Adam's moments) of every model in one readback. */
  const readState = async (withMoments: boolean) => {
    const groups = runs.flatMap((run) => (withMoments ? [run.params, run.adam.m, run.adam.v] : [run.params]));
    const arrays = await readGroups(tf, groups);
    const per = withMoments ? 3 : 1;
    return runs.map((run, i) => ({
      id: run.spec.id,
      params: arrays[i * per],
      m: withMoments ? arrays[i * per + 1] : undefined,
      v: withMoments ? arrays[i * per + 2] : undefined,
    }));
  };

  /** One model's step inside the tidy: loss, clipped gradients, guarded Adam update. */
  const stepModel = (run: ModelRun, batch: Record<string, Tensor>, t: number): Tensor => {
    const variables = Object.entries(run.params);
    const { value, grads } = tf.variableGrads(
      () => run.spec.loss(tf, run.params, batch),
      variables.map(([, v]) => v),
    );
    const named = Object.fromEntries(variables.map(([name, v]) => [name, grads[v.name]]));
    const norm = tf.sqrt(tf.addN(Object.values(named).map((g) => tf.sum(tf.square(g)))));
    const accept = tf.logicalAnd(tf.isFinite(value), tf.isFinite(norm));
    const clipNorm = config.options.clipNorm ?? 0;
    const clipped =
      clipNorm > 0
        ? Object.fromEntries(
            Object.entries(named).map(([name, g]) => [
              name,
              tf.mul(g, tf.div(clipNorm, tf.maximum(norm, clipNorm))),
            ]),
          )
        : named;
    run.adam.update(clipped, t, accept);
    return value;
  };

  buildRuns();

  return {
    experiment: experiment.id,
    get config() {
      return config;
    },
    step: () => currentStep,

    async train(): Promise<StepReport> {
      live();
      if (stepping) throw new Error("train() was called while the previous step was still running");
      stepping = true;
      const started = performance.now();
      const step = currentStep;
      const startedIn = generation;
      try {
        const arrays = experiment.sampleBatch(createRng(batchSeed(config.seed, step)), config);
        const stacked = tf.tidy(() => {
          const batch = uploadBatch(tf, arrays);
          return tf.stack(runs.map((run) => stepModel(run, batch, step - adamSince + 1)));
        });
        const values = await stacked.data();
        stacked.dispose();
        const losses: StepReport["losses"] = {};
        runs.forEach((run, i) => {
          losses[run.spec.id] = values[i];
        });
        const bad = runs.find((_, i) => !Number.isFinite(values[i]));
        if (bad) {
          throw new Error(
            `Training stopped at step ${step}: the ${bad.spec.id} model's loss is ${values[runs.indexOf(bad)]}, ` +
              "so the run has diverged. Its parameters are kept as they were before this step; reset to train again.",
          );
        }
        if (generation === startedIn) currentStep = step + 1;
        return { step, losses, ms: performance.now() - started };
      } catch (error) {
        if (error instanceof Error && /gradient function not found/.test(error.message)) {
          throw new Error(
            `${error.message} tfjs-core registers no gradients by itself: await registerGradients() (training/gradients.ts) after loading tfjs.`,
          );
        }
        throw error;
      } finally {
        stepping = false;
      }
    },

    async snapshot() {
      live();
      return experiment.snapshot(tf, paramsById(), config);
    },

    async evaluate() {
      live();
      return lossesOn(evaluationArrays());
    },

    async probe(request) {
      live();
      if (!experiment.probe) throw new Error(`The ${experiment.id} experiment cannot be probed`);
      return experiment.probe(tf, paramsById(), config, request);
    },

    reset(seed = config.seed) {
      live();
      if (seed !== config.seed) config = resolveConfig(config, { seed });
      generation += 1;
      for (const run of runs) {
        run.shapes = initialParameters(run.spec, config.seed);
        assignFrom(tf, run.params, run.shapes);
        run.adam.clear();
      }
      currentStep = 0;
      adamSince = 0;
    },

    load(checkpoint: Checkpoint) {
      live();
      if (checkpoint.experiment !== experiment.id) {
        throw new RangeError(
          `A ${checkpoint.experiment} checkpoint cannot be loaded into the ${experiment.id} trainer`,
        );
      }
      const previous = config;
      config = resolveConfig(checkpoint.config);
      try {
        buildRuns((spec, shapes) => {
          const model = checkpoint.models[spec.id];
          if (!model) throw new RangeError(`The checkpoint has no parameters for ${spec.id}`);
          const values = fromCheckpointModel(model);
          assertSameShapes(values, shapes, `${spec.id}'s parameters in the checkpoint`);
          return values;
        });
      } catch (error) {
        // The models in training stay as they were.
        config = previous;
        throw error;
      }
      generation += 1;
      currentStep = checkpoint.step;
      adamSince = checkpoint.step;
    },

    async exportCheckpoint(history: HistoryPoint[], metrics: Metrics, backend: BackendName) {
      live();
      const state = await readState(false);
      const round = (losses: HistoryPoint["losses"]) =>
        Object.fromEntries(Object.entries(losses).map(([id, loss]) => [id, float32Decimal(loss as number)]));
      return {
        format: "dynamic-weights-checkpoint",
        version: 1,
        experiment: experiment.id,
        config: structuredClone(config),
        step: currentStep,
        backend,
        models: Object.fromEntries(state.map((s) => [s.id, toCheckpointModel(s.params)])),
        history: history.map((point) => ({ step: point.step, losses: round(point.losses) })),
        metrics: round(metrics),
        created: new Date().toISOString(),
      };
    },

    async exportState(): Promise<TrainerState> {
      live();
      const step = currentStep;
      const state = await readState(true);
      const pick = (key: "params" | "m" | "v") =>
        Object.fromEntries(state.map((s) => [s.id, s[key] as NamedArrays]));
      return { step, params: pick("params"), adam: { m: pick("m"), v: pick("v") } };
    },

    restore(state: TrainerState) {
      live();
      if (!Number.isInteger(state.step) || state.step < 0) {
        throw new RangeError(`restore: the step must be a whole number ≥ 0, got ${state.step}`);
      }
      for (const run of runs) {
        const id = run.spec.id;
        const parts = {
          parameters: state.params[id],
          "Adam's m": state.adam.m[id],
          "Adam's v": state.adam.v[id],
        };
        for (const [what, named] of Object.entries(parts)) {
          if (!named) throw new RangeError(`restore: the state has no ${what} for ${id}`);
          assertSameShapes(named, run.shapes, `restore: ${id}'s ${what}`);
          const finite = Object.values(named).every((e) => e.values.every(Number.isFinite));
          if (!finite) throw new RangeError(`restore: ${id}'s ${what} hold a value that is not finite`);
        }
      }
      for (const run of runs) {
        const id = run.spec.id;
        assignFrom(tf, run.params, state.params[id] as NamedArrays);
        run.adam.restoreMoments(state.adam.m[id] as NamedArrays, state.adam.v[id] as NamedArrays);
      }
      generation += 1;
      currentStep = state.step;
      // The moments come with the state; they are taken to have accumulated since step 0.
      adamSince = 0;
    },

    parameterCounts() {
      return Object.fromEntries(runs.map((run) => [run.spec.id, parameterCount(run.shapes)]));
    },

    dispose() {
      if (disposed) return;
      disposeRuns();
      evaluation = null;
      disposed = true;
    },
  };
}
