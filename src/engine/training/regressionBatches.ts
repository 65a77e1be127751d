import {
  type RegressionBatch,
  type RegressionTaskOptions,
  sampleRegressionBatch,
} from "../../core/regressionTasks";
import { createRng } from "../../core/rng";
import type { BatchArrays, TrainingConfig } from "./types";

/*
 * The in-context regression data shared by the gd and mlp experiments: the task options a config
 * names, core's sampled batches as the tensors' plain arrays, and the fixed evaluation sets.
 */

/** The evaluation set's own seed: the same tasks for every run, whatever the run's seed. */
export const EVALUATION_SEED = 9001;
/**
 * Tasks in an evaluation set. Per-task losses are heavy-tailed: over 8192 tasks the standard
 * error of a mean loss is still about 1.8 %, so claims are checked against references computed
 * on the same tasks.
 */
export const EVALUATION_TASKS = 8192;

// Evaluation sets are pure functions of their options and cost ~20 ms to draw; the mlp snapshot
// needs three of them every time it is drawn. A few are kept (≈ 4–7 MB each); the oldest goes first.
const EVALUATION_CACHE_SIZE = 3;
const evaluationCache = new Map<string, BatchArrays>();

/** N, d and a from a config's options (examples, inputDim, inputScale). */
export function regressionOptions(config: TrainingConfig): RegressionTaskOptions {
  const { examples, inputDim, inputScale } = config.options;
  return { examples, inputDim, inputScale };
}

/**
 * A batch as the models' inputs: `contexts` [B, N, d+1] (token rows (x_i, y_i)), `queries` [B, d]
 * and `targets` [B].
 */
export function regressionBatchArrays(batch: RegressionBatch): BatchArrays {
  const { batch: b, examples: n, inputDim: d } = batch;
  return {
    contexts: { shape: [b, n, d + 1], values: batch.contexts },
    queries: { shape: [b, d], values: batch.queries },
    targets: { shape: [b], values: batch.targets },
  };
}

/**
 * The fixed evaluation set for `options`: EVALUATION_TASKS tasks drawn with EVALUATION_SEED.
 * Memoised (the same object for the same options; callers must not write into it).
 */
export function regressionEvaluationBatch(options: RegressionTaskOptions): BatchArrays {
  const key = `${options.examples},${options.inputDim},${options.inputScale}`;
  let arrays = evaluationCache.get(key);
  if (!arrays) {
    arrays = regressionBatchArrays(
      sampleRegressionBatch(createRng(EVALUATION_SEED), EVALUATION_TASKS, options),
    );
    if (evaluationCache.size >= EVALUATION_CACHE_SIZE) {
      evaluationCache.delete(evaluationCache.keys().next().value as string);
    }
    evaluationCache.set(key, arrays);
  }
  return arrays;
}
