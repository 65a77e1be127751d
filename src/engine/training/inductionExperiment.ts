import {
  type InductionBatch,
  type InductionTaskOptions,
  inductionProbe,
  sampleInductionBatch,
} from "../../core/inductionTasks";
import { type Matrix, matrix } from "../../core/matrix";
import { createRng } from "../../core/rng";
import type { Tf } from "../types";
import { readGroups } from "./parameters";
import { transformerForward, transformerShape, transformerSpec } from "./transformerModel";
import type {
  BatchArrays,
  Experiment,
  HeadMaps,
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
  ModelId,
  Tensor,
  TrainingConfig,
} from "./types";

/*
 * Experiment 3 of Part III (Olsson et al. 2022): a two-layer and a one-layer attention-only
 * transformer, trained on the same batches of random segments shown twice. The loss on the second
 * copy stalls for both, then falls suddenly for the two-layer model once its first layer has a
 * previous-token head and its second an induction head ("attend to the token after the earlier
 * occurrence of the current one"); one layer cannot compose the two and stays on its plateau.
 * snapshot() draws every head on a fixed sequence; probe() runs both models on the reader's own.
 *
 * The segment's length varies (minSegment 4 … segment 8). With a fixed S, the token after
 * position t of the second copy sits a fixed S − 1 places back, and ONE layer with learned
 * positions learns to attend there and copy, no induction needed: trained on S = 8 (minSegment
 * 8), the one-layer model's repeat-half loss was 0.0003 by step 200, as low as the two-layer
 * one's. With S varying, only "find the earlier occurrence of the current token, read the token
 * after it" works at every step, and that takes two layers (a previous-token head, then an
 * induction head).
 */

/** The models' names in the experiment, with their depths. */
const MODELS = [
  { id: "twoLayer", layers: 2 },
  { id: "oneLayer", layers: 1 },
] as const;

/** The evaluation set's own seed and size: the same sequences for every run. */
export const INDUCTION_EVALUATION_SEED = 9001;
export const INDUCTION_EVALUATION_SEQUENCES = 512;

/**
 * Chosen by training both models with this code on WASM in node, seeds 1–5 (curves in the report
 * of issue 5, Part III): V = 16 tokens, segments of 4 … 8 after a prefix of 0 … 8 (T = 24),
 * d_model 32, 2 heads of 16 per layer, Adam 5e-3 on batches of 32. Both models first fall from
 * ln 16 ≈ 2.77 to ≈ 1.6 nats together (guessing among the tokens seen); then the two-layer model's
 * repeat-half loss drops below 0.3 by step 300–350 and ends at ≤ 0.01, while the one-layer model
 * creeps down to 1.0–1.3 (0.94 after 4000 steps). A step of both models takes ≈ 38 ms, so a run
 * is ≈ 40 s. Learning rate 3e-3 gives the same picture ≈ 150 steps later; LayerNorm slowed the
 * drop (one seed in three never made it in 1000 steps).
 */
export const INDUCTION_DEFAULTS: TrainingConfig = {
  seed: 1,
  steps: 1000,
  batchSize: 32,
  learningRate: 0.005,
  options: { vocab: 16, segment: 8, maxPrefix: 8, minSegment: 4, dModel: 32, heads: 2, dHead: 16 },
};

/** Core's task options a config names (options vocab, segment, maxPrefix, minSegment). */
export function inductionOptions(config: TrainingConfig): InductionTaskOptions {
  const { vocab, segment, maxPrefix, minSegment } = config.options;
  return { vocab, segment, maxPrefix, minSegment };
}

/** A batch as the models' inputs: tokens and targets [B, T] int32, repeatMask [B, T]. */
export function inductionBatchArrays(batch: InductionBatch): BatchArrays {
  const shape = [batch.batch, batch.length];
  return {
    tokens: { shape, values: batch.tokens },
    targets: { shape, values: batch.targets },
    repeatMask: { shape, values: batch.repeatMask },
  };
}

/** The fixed evaluation set (the trainer keeps it for as long as the config lasts). */
function inductionEvaluationBatch(config: TrainingConfig): BatchArrays {
  const rng = createRng(INDUCTION_EVALUATION_SEED);
  return inductionBatchArrays(
    sampleInductionBatch(rng, INDUCTION_EVALUATION_SEQUENCES, inductionOptions(config)),
  );
}

/** Throws a RangeError unless `tokens` are 2 … T whole ids in [0, V). */
function checkTokens(tokens: readonly number[], config: TrainingConfig): void {
  const { vocab, context } = transformerShape(config, 1);
  if (!Array.isArray(tokens) || tokens.length < 2 || tokens.length > context) {
    throw new RangeError(`induction probe: a sequence has 2 to ${context} tokens, got ${tokens?.length}`);
  }
  const bad = tokens.find((t) => !(Number.isInteger(t) && t >= 0 && t < vocab));
  if (bad !== undefined) {
    throw new RangeError(`induction probe: tokens are whole numbers from 0 to ${vocab - 1}, got ${bad}`);
  }
}

type Params = Partial<Record<ModelId, Record<string, Tensor>>>;

/** Per model: every head's attention on `tokens`, and (if asked) the likeliest next token and its probability. */
async function runModels(
  tf: Tf,
  params: Params,
  config: TrainingConfig,
  tokens: readonly number[],
  withNext: boolean,
): Promise<{ attention: HeadMaps; next: InductionProbeResult["next"] }> {
  const present = MODELS.filter((m) => params[m.id]);
  if (present.length === 0) throw new Error("induction: no model has parameters");
  const n = tokens.length;
  const outputs = tf.tidy(() => {
    const input = tf.tensor(Int32Array.from(tokens), [1, n], "int32");
    return present.map(({ id, layers }) => {
      const shape = transformerShape(config, layers);
      const { logits, attention } = transformerForward(
        tf,
        params[id] as Record<string, Tensor>,
        input,
        shape,
      );
      const group: Record<string, Tensor> = {};
      attention.forEach((weights, l) => {
        group[`layer${l + 1}`] = weights;
      });
      if (withNext) {
        const probabilities = tf.softmax(tf.reshape(logits, [n, shape.vocab]));
        group.probability = tf.max(probabilities, -1);
        group.token = tf.cast(tf.argMax(probabilities, -1), "float32");
      }
      return group;
    });
  });
  let groups: Awaited<ReturnType<typeof readGroups>>;
  try {
    groups = await readGroups(tf, outputs);
  } finally {
    tf.dispose(outputs.flatMap((group) => Object.values(group)));
  }
  const attention: HeadMaps = {};
  const next: InductionProbeResult["next"] = {};
  present.forEach(({ id, layers }, i) => {
    const group = groups[i];
    const heads = transformerShape(config, layers).heads;
    attention[id] = Array.from({ length: layers }, (_, l) => {
      const values = group[`layer${l + 1}`].values;
      return Array.from(
        { length: heads },
        (_, h): Matrix => matrix(n, n, values.subarray(h * n * n, (h + 1) * n * n)),
      );
    });
    if (withNext) {
      next[id] = Array.from({ length: n }, (_, t) => ({
        token: group.token.values[t],
        probability: group.probability.values[t],
      }));
    }
  });
  return { attention, next };
}

export const inductionExperiment: Experiment<InductionSnapshot, InductionProbeRequest, InductionProbeResult> =
  {
    id: "induction",
    defaults: INDUCTION_DEFAULTS,
    models: (config) => MODELS.map(({ id, layers }) => transformerSpec(id, layers, config)),
    sampleBatch: (rng, config) =>
      inductionBatchArrays(sampleInductionBatch(rng, config.batchSize, inductionOptions(config))),
    evaluationBatch: inductionEvaluationBatch,

    /** Every head of both models on core's fixed probe sequence (a segment of 8 shown twice). */
    async snapshot(tf, params, config) {
      const tokens = Array.from(inductionProbe(inductionOptions(config)).tokens);
      const { attention } = await runModels(tf, params, config, tokens, false);
      return { tokens, attention };
    },

    /**
     * The reader's sequence (2 … T ids): every head's attention and, at every position, the next
     * token each model finds likeliest. The models were trained on second copies only, so away
     * from a repeat their guesses mean little; on a repeat the two-layer model copies.
     */
    async probe(tf, params, config, request) {
      const tokens = request?.tokens;
      checkTokens(tokens, config);
      const { attention, next } = await runModels(tf, params, config, tokens, true);
      return { tokens: [...tokens], attention, next };
    },
  };
