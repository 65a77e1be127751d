import { checkRegressionTaskOptions } from "../../core/regressionTasks";
import type { Rng } from "../../core/rng";
import type { Tf } from "../types";
import { normalEntry } from "./parameters";
import { regressionOptions } from "./regressionBatches";
import type { ModelSpec, NamedArrays, Scalar, Tensor, TrainingConfig } from "./types";

/*
 * The model of the gd experiment: one linear self-attention layer (von Oswald et al. 2023) on
 * the tokens of a regression task. Part II's layer (src/core/linearSelfAttention.ts) with the sum
 * over examples averaged, so one set of weights serves any number of examples N:
 *
 *   E = [(x_1, y_1); …; (x_N, y_N); (x_q, 0)]   [B, N+1, D], D = d + 1
 *   e_q ← e_q + (1/N)·(e_q W_Q)(C W_K)ᵀ(C W_V)·P   (C the N context rows: keys and values)
 *   ŷ = −(e_q's y-slot)                          (the construction writes −x_q·W there)
 *
 * Only the query row's prediction enters the loss, so only that row is computed. Queries are
 * never keys, so the context rows' own updates cannot change it.
 */

/** The initial weights' standard deviation. Small, as in von Oswald et al.; see gdExperiment. */
export const LSA_INIT_STD = 0.05;

/** The parameter names of the layer, each [D, D]. */
export const LSA_PARAMETERS = ["wq", "wk", "wv", "projection"] as const;

/** 4·(d + 1)²: the parameters of one LSA layer on inputs of size d (484 for d = 10). */
export function lsaParameterCount(inputDim: number): number {
  return 4 * (inputDim + 1) ** 2;
}

/**
 * The layer's predictions ŷ [B] for a batch: contexts [B, N, D] of rows (x_i, y_i), queries
 * [B, d]. Any N works (the sum is averaged). Tensors in, tensor out: call inside tf.tidy.
 */
export function lsaPredictions(
  tf: Tf,
  params: Record<string, Tensor>,
  contexts: Tensor,
  queries: Tensor,
): Tensor {
  const [b, n, width] = contexts.shape;
  const d = width - 1;
  const flat = tf.reshape(contexts, [b * n, width]);
  const keys = tf.reshape(tf.matMul(flat, params.wk), [b, n, width]);
  const values = tf.reshape(tf.matMul(flat, params.wv), [b, n, width]);
  // The query token (x_q, 0): its y-slot is empty.
  const queryTokens = tf.concat([queries, tf.zeros([b, 1])], 1);
  const q = tf.reshape(tf.matMul(queryTokens, params.wq), [b, 1, width]);
  const scores = tf.matMul(q, keys, false, true); // [B, 1, N]
  const summed = tf.reshape(tf.matMul(scores, values), [b, width]);
  // Only P's y-column reaches the query's y-slot.
  const projectionY = tf.slice(params.projection, [0, d], [width, 1]);
  const ySlot = tf.reshape(tf.matMul(summed, projectionY), [b]);
  return tf.mul(ySlot, -1 / n);
}

/** ½·mean((ŷ − y)²) over the batch: the loss convention of Part III. */
export function halfMeanSquaredError(tf: Tf, predictions: Tensor, targets: Tensor): Scalar {
  return tf.mul(tf.mean(tf.squaredDifference(predictions, targets)), 0.5) as Scalar;
}

/** The LSA ModelSpec ("lsa") for a regression config (options.inputDim = d). */
export function lsaSpec(config: TrainingConfig): ModelSpec {
  checkRegressionTaskOptions(regressionOptions(config));
  const d = config.options.inputDim;
  const width = d + 1;
  return {
    id: "lsa",
    label: `linear self-attention (${lsaParameterCount(d)} parameters)`,
    init(rng: Rng): NamedArrays {
      return Object.fromEntries(
        LSA_PARAMETERS.map((name) => [name, normalEntry(rng, [width, width], LSA_INIT_STD)]),
      );
    },
    loss(tf, params, batch) {
      return halfMeanSquaredError(
        tf,
        lsaPredictions(tf, params, batch.contexts, batch.queries),
        batch.targets,
      );
    },
  };
}
