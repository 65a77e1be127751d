import { checkRegressionTaskOptions } from "../../core/regressionTasks";
import type { Rng } from "../../core/rng";
import type { Tf } from "../types";
import { halfMeanSquaredError, lsaParameterCount } from "./lsaModel";
import { normalEntry, zerosEntry } from "./parameters";
import { regressionOptions } from "./regressionBatches";
import type { ModelSpec, NamedArrays, Tensor, TrainingConfig } from "./types";

/*
 * The comparison model of the mlp experiment: a fixed-weight network given the same examples,
 * flattened into one input vector, with about as many parameters as the LSA layer:
 *
 *   input u = (x_1, y_1, …, x_N, y_N, x_q)       [B, N·(d+1) + d]   (120 for N = d = 10)
 *   h = GELU(u·W_1 + b_1)                         [B, H]
 *   ŷ = h·w_2 + b_2                               [B]
 *
 * Its weights multiply the examples' numbers directly; nothing in it is computed from the input.
 * Its input has room for exactly N examples, so it cannot take a longer context.
 */

/** A cap on the MLP's size, whatever a config asks for (the comparable MLP has 489). */
export const MAX_MLP_PARAMETERS = 2 ** 20;

/** √(2/π), the constant of the tanh approximation to GELU (as core's `activate`). */
const GELU_C = Math.sqrt(2 / Math.PI);

/** N·(d+1) + d: the length of the flattened input. */
export function mlpInputSize(examples: number, inputDim: number): number {
  return examples * (inputDim + 1) + inputDim;
}

/** (input + 2)·H + 1: weights and biases of both layers for hidden width H. */
export function mlpParameterCount(examples: number, inputDim: number, hidden: number): number {
  return (mlpInputSize(examples, inputDim) + 2) * hidden + 1;
}

/**
 * The hidden width whose parameter count is closest to the LSA layer's 4·(d+1)²
 * (4 for N = d = 10: 489 parameters against 484), at least 1.
 */
export function comparableHiddenWidth(examples: number, inputDim: number): number {
  const perUnit = mlpInputSize(examples, inputDim) + 2;
  return Math.max(1, Math.round((lsaParameterCount(inputDim) - 1) / perUnit));
}

/** GELU(z) = ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), elementwise. */
function gelu(tf: Tf, z: Tensor): Tensor {
  const inner = tf.mul(tf.add(z, tf.mul(tf.pow(z, 3), 0.044715)), GELU_C);
  return tf.mul(tf.mul(z, 0.5), tf.add(tf.tanh(inner), 1));
}

/**
 * The MLP's predictions ŷ [B] from contexts [B, N, D] and queries [B, d]; N must be the N the
 * MLP was built for (its first layer has that many inputs). Call inside tf.tidy.
 */
export function mlpPredictions(
  tf: Tf,
  params: Record<string, Tensor>,
  contexts: Tensor,
  queries: Tensor,
): Tensor {
  const [b, n, width] = contexts.shape;
  const inputs = tf.concat([tf.reshape(contexts, [b, n * width]), queries], 1);
  if (inputs.shape[1] !== params.w1.shape[0]) {
    throw new RangeError(
      `mlp: the input has ${inputs.shape[1]} numbers but the network takes ${params.w1.shape[0]}`,
    );
  }
  const hidden = gelu(tf, tf.add(tf.matMul(inputs, params.w1), params.b1));
  return tf.reshape(tf.add(tf.matMul(hidden, params.w2), params.b2), [b]);
}

/**
 * The MLP ModelSpec ("mlp") for a regression config: options.examples = N, options.inputDim = d,
 * options.mlpHidden = H (default: comparableHiddenWidth). Initialisation: W_1 ~ N(0, 1/input),
 * w_2 ~ N(0, 1/H) (unit-variance activations, as Glorot/LeCun), biases 0.
 */
export function mlpSpec(config: TrainingConfig): ModelSpec {
  checkRegressionTaskOptions(regressionOptions(config));
  const { examples, inputDim } = config.options;
  const hidden = config.options.mlpHidden ?? comparableHiddenWidth(examples, inputDim);
  if (!Number.isInteger(hidden) || hidden < 1 || hidden > 4096) {
    throw new RangeError(`mlp: hidden width must be a whole number from 1 to 4096, got ${hidden}`);
  }
  const inputs = mlpInputSize(examples, inputDim);
  const count = mlpParameterCount(examples, inputDim, hidden);
  if (count > MAX_MLP_PARAMETERS) {
    throw new RangeError(
      `mlp: ${count} parameters is more than this page trains (at most ${MAX_MLP_PARAMETERS})`,
    );
  }
  return {
    id: "mlp",
    label: `MLP on the flattened examples (${hidden} hidden units, ${count} parameters)`,
    init(rng: Rng): NamedArrays {
      return {
        w1: normalEntry(rng, [inputs, hidden], 1 / Math.sqrt(inputs)),
        b1: zerosEntry([hidden]),
        w2: normalEntry(rng, [hidden, 1], 1 / Math.sqrt(hidden)),
        b2: zerosEntry([1]),
      };
    },
    loss(tf, params, batch) {
      return halfMeanSquaredError(
        tf,
        mlpPredictions(tf, params, batch.contexts, batch.queries),
        batch.targets,
      );
    },
  };
}
