import type { Rng } from "../../core/rng";
import type { Tf } from "../types";
import { normalEntry } from "./parameters";
import type { ModelSpec, NamedArrays, Scalar, Tensor, TrainingConfig } from "./types";

/*
 * The models of the induction experiment: attention-only transformers (Olsson et al. 2022) with
 * no MLPs and no LayerNorm, so each layer only moves information between positions:
 *
 *   x₀ = W_E[tokens] + W_pos[0 … T−1]                         residual stream [B, T, d_model]
 *   layer ℓ, head h: A = softmax(causal((x W_Q)(x W_K)ᵀ / √d_head))       [B, T, T]
 *                    x_{ℓ+1} = x_ℓ + Σ_h A (x W_V) W_O                   (heads concatenated)
 *   logits = x_L W_U                                                    [B, T, V]
 *
 * LayerNorm is left out. Without it the two-layer model's repeat-half loss falls to ≈ 0 within a
 * few hundred steps on every seed tried (see inductionExperiment.ts); with it (before each layer
 * and the unembedding) the fall came later, or for 2 seeds of 3 not within 1000 steps. And without
 * it every head adds a linear map of the stream it reads, which is what the attention maps show.
 */

/** The sizes of one transformer. */
export interface TransformerShape {
  /** V: the vocabulary. */
  vocab: number;
  /** T: the longest sequence (rows of the positional embedding). */
  context: number;
  dModel: number;
  heads: number;
  dHead: number;
  layers: number;
}

/** What one forward pass computes. */
export interface TransformerOutput {
  /** [B, T, V]: the next-token logits at every position. */
  logits: Tensor;
  /** Per layer, [B, H, T, T]: every head's attention weights (rows sum to 1, 0 above the diagonal). */
  attention: Tensor[];
}

/** The names of layer ℓ's weights (ℓ counts from 1, as the essay does). */
export function layerParameterNames(layer: number) {
  return {
    query: `layer${layer}.wq`,
    key: `layer${layer}.wk`,
    value: `layer${layer}.wv`,
    output: `layer${layer}.wo`,
  };
}

/**
 * The shape a config asks for: options vocab, segment and maxPrefix (T = maxPrefix + 2·segment,
 * as core's inductionSequenceLength), dModel, heads, dHead.
 */
export function transformerShape(config: TrainingConfig, layers: number): TransformerShape {
  const { vocab, segment, maxPrefix, dModel, heads, dHead } = config.options;
  const shape = { vocab, context: maxPrefix + 2 * segment, dModel, heads, dHead, layers };
  for (const [name, value] of Object.entries(shape)) {
    if (!(Number.isInteger(value) && value >= 1 && value <= 4096)) {
      throw new RangeError(`transformer: ${name} must be a whole number from 1 to 4096, got ${value}`);
    }
  }
  return shape;
}

/**
 * W_E [V, d], W_pos [T, d], per layer W_Q, W_K, W_V [d, H·d_head] (head h owns columns
 * h·d_head … (h+1)·d_head − 1) and W_O [H·d_head, d], W_U [d, V]. Entries N(0, 1/fan_in), so the
 * residual stream starts with entries of order 1/√d and every head's output is of the same order.
 * Rng order: W_E, W_pos, then layer by layer W_Q, W_K, W_V, W_O, then W_U.
 */
export function initTransformer(rng: Rng, shape: TransformerShape): NamedArrays {
  const { vocab, context, dModel, heads, dHead, layers } = shape;
  const inner = heads * dHead;
  const params: NamedArrays = {
    embed: normalEntry(rng, [vocab, dModel], 1 / Math.sqrt(dModel)),
    position: normalEntry(rng, [context, dModel], 1 / Math.sqrt(dModel)),
  };
  for (let layer = 1; layer <= layers; layer++) {
    const names = layerParameterNames(layer);
    params[names.query] = normalEntry(rng, [dModel, inner], 1 / Math.sqrt(dModel));
    params[names.key] = normalEntry(rng, [dModel, inner], 1 / Math.sqrt(dModel));
    params[names.value] = normalEntry(rng, [dModel, inner], 1 / Math.sqrt(dModel));
    params[names.output] = normalEntry(rng, [inner, dModel], 1 / Math.sqrt(inner));
  }
  params.unembed = normalEntry(rng, [dModel, vocab], 1 / Math.sqrt(dModel));
  return params;
}

/** [n, n]: 0 on and below the diagonal, −1e9 above it (a position never attends to a later one). */
function causalMask(tf: Tf, n: number): Tensor {
  const mask = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) mask[i * n + j] = -1e9;
  return tf.tensor(mask, [n, n], "float32");
}

/**
 * One forward pass over `tokens` [B, n] (int32 ids, n ≤ T). Tensors in, tensors out: call inside
 * tf.tidy. The embedding is a one-hot product rather than a gather because gather's gradient
 * needs a kernel (UnsortedSegmentSum) the WASM backend lacks.
 */
export function transformerForward(
  tf: Tf,
  params: Record<string, Tensor>,
  tokens: Tensor,
  shape: TransformerShape,
): TransformerOutput {
  const [batch, n] = tokens.shape;
  const { vocab, context, dModel, heads, dHead, layers } = shape;
  if (n < 1 || n > context) {
    throw new RangeError(`transformer: a sequence has 1 to ${context} tokens, got ${n}`);
  }
  const oneHot = tf.oneHot(tf.reshape(tokens, [batch * n]), vocab);
  const positions = tf.slice(params.position, [0, 0], [n, dModel]);
  let stream = tf.add(tf.reshape(tf.matMul(oneHot, params.embed), [batch, n, dModel]), positions);
  const mask = causalMask(tf, n);
  const attention: Tensor[] = [];
  for (let layer = 1; layer <= layers; layer++) {
    const names = layerParameterNames(layer);
    const rows = tf.reshape(stream, [batch * n, dModel]);
    // [B·n, H·d_head] → [B, H, n, d_head]: one matrix product serves every head.
    const perHead = (weights: Tensor) =>
      tf.transpose(tf.reshape(tf.matMul(rows, weights), [batch, n, heads, dHead]), [0, 2, 1, 3]);
    const queries = perHead(params[names.query]);
    const keys = perHead(params[names.key]);
    const values = perHead(params[names.value]);
    const scores = tf.add(tf.mul(tf.matMul(queries, keys, false, true), 1 / Math.sqrt(dHead)), mask);
    const weights = tf.softmax(scores);
    attention.push(weights);
    const mixed = tf.reshape(tf.transpose(tf.matMul(weights, values), [0, 2, 1, 3]), [
      batch * n,
      heads * dHead,
    ]);
    stream = tf.add(stream, tf.reshape(tf.matMul(mixed, params[names.output]), [batch, n, dModel]));
  }
  const logits = tf.reshape(tf.matMul(tf.reshape(stream, [batch * n, dModel]), params.unembed), [
    batch,
    n,
    vocab,
  ]);
  return { logits, attention };
}

/**
 * Next-token cross-entropy averaged over the positions `mask` marks: Σ mask·(−log p(target)) / Σ mask.
 * logits [B, T, V], targets [B, T] int32, mask [B, T] of 0s and 1s (at least one 1).
 */
export function maskedCrossEntropy(tf: Tf, logits: Tensor, targets: Tensor, mask: Tensor): Scalar {
  const vocab = logits.shape[2] as number;
  const logProbabilities = tf.logSoftmax(logits);
  const targetLogProbability = tf.sum(tf.mul(logProbabilities, tf.oneHot(targets, vocab)), -1);
  return tf.div(tf.neg(tf.sum(tf.mul(targetLogProbability, mask))), tf.sum(mask)) as Scalar;
}

/** The number of parameters of a transformer of this shape. */
export function transformerParameterCount(shape: TransformerShape): number {
  const { vocab, context, dModel, heads, dHead, layers } = shape;
  return 2 * vocab * dModel + context * dModel + layers * 4 * dModel * heads * dHead;
}

/**
 * A ModelSpec for an attention-only transformer with `layers` layers, sized by `config.options`.
 * Its loss is the mean −log p(next token) over the batch's `repeatMask` positions: the second
 * copy of the repeated segment, where only a model that reads the earlier copy can do better
 * than guessing. It is both what the model is trained on and the curve the figure plots.
 */
export function transformerSpec(
  id: "twoLayer" | "oneLayer",
  layers: number,
  config: TrainingConfig,
): ModelSpec {
  const shape = transformerShape(config, layers);
  const count = transformerParameterCount(shape);
  const layerWord = layers === 1 ? "layer" : "layers";
  return {
    id,
    label: `${layers} attention ${layerWord} of ${shape.heads} heads (${count.toLocaleString("en")} parameters)`,
    init: (rng) => initTransformer(rng, shape),
    loss(tf, params, batch) {
      const { logits } = transformerForward(tf, params, batch.tokens, shape);
      return maskedCrossEntropy(tf, logits, batch.targets, batch.repeatMask);
    },
  };
}
