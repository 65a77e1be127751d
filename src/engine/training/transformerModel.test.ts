import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleInductionBatch } from "../../core/inductionTasks";
import { createRng } from "../../core/rng";
import { registerGradients } from "./gradients";
import { inductionCircuit } from "./inductionCircuit";
import { INDUCTION_DEFAULTS } from "./inductionExperiment";
import {
  initTransformer,
  maskedCrossEntropy,
  type TransformerShape,
  transformerForward,
  transformerParameterCount,
  transformerShape,
  transformerSpec,
} from "./transformerModel";
import type { NamedArrays, Tensor } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
  await registerGradients();
});

const TASK = { vocab: 16, segment: 8, maxPrefix: 8 };
const SHAPE = transformerShape(INDUCTION_DEFAULTS, 2);

const tensorsOf = (named: NamedArrays): Record<string, Tensor> =>
  Object.fromEntries(
    Object.entries(named).map(([name, e]) => [name, tf.tensor(e.values, e.shape, "float32")]),
  );

/** Logits and attention of `params` on `tokens` (rows of ids) as nested arrays. */
async function run(params: NamedArrays, shape: TransformerShape, tokens: number[][]) {
  const out = tf.tidy(() => {
    const input = tf.tensor(tokens.flat(), [tokens.length, tokens[0].length], "int32");
    const { logits, attention } = transformerForward(tf, tensorsOf(params), input, shape);
    return [logits, ...attention];
  });
  const arrays: unknown[] = await Promise.all(out.map((t) => t.array()));
  tf.dispose(out);
  // logits [B][T][V]; attention per layer [B][H][T][T].
  return { logits: arrays[0] as number[][][], attention: arrays.slice(1) as number[][][][][] };
}

const randomTokens = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Math.floor(rng.next() * TASK.vocab));
};

describe("transformerForward (attention-only, cpu)", () => {
  const params = initTransformer(createRng(7), SHAPE);

  it("has the shapes of the essay: logits [B, T, V], attention [B, H, T, T] per layer", async () => {
    const { logits, attention } = await run(params, SHAPE, [randomTokens(1, 24), randomTokens(2, 24)]);
    expect([logits.length, logits[0].length, logits[0][0].length]).toEqual([2, 24, 16]);
    expect(attention).toHaveLength(2);
    for (const layer of attention) {
      expect([layer.length, layer[0].length, layer[0][0].length, layer[0][0][0].length]).toEqual([
        2, 2, 24, 24,
      ]);
    }
  });

  it("counts its parameters: 2·V·d + T·d + L·4·d·H·d_head", () => {
    expect(transformerParameterCount(SHAPE)).toBe(2 * 16 * 32 + 24 * 32 + 2 * 4 * 32 * 32);
    const total = Object.values(params).reduce((n, e) => n + e.values.length, 0);
    expect(total).toBe(transformerParameterCount(SHAPE));
  });

  it("is causal: changing a later token never changes earlier logits or attention", async () => {
    const tokens = randomTokens(3, 24);
    const changed = [...tokens];
    changed[15] = (changed[15] + 5) % 16;
    const a = await run(params, SHAPE, [tokens]);
    const b = await run(params, SHAPE, [changed]);
    for (let t = 0; t < 15; t++) {
      expect(b.logits[0][t]).toEqual(a.logits[0][t]);
      for (const [l, layer] of a.attention.entries()) {
        for (let h = 0; h < 2; h++) expect(b.attention[l][0][h][t]).toEqual(layer[0][h][t]);
      }
    }
    // …and it does change what comes after it.
    expect(b.logits[0][15]).not.toEqual(a.logits[0][15]);
  });

  it("gives attention rows that sum to 1 with nothing above the diagonal", async () => {
    const { attention } = await run(params, SHAPE, [randomTokens(4, 24)]);
    for (const layer of attention) {
      for (const head of layer[0]) {
        head.forEach((row, t) => {
          expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
          expect(row.slice(t + 1).every((w) => w === 0)).toBe(true);
        });
      }
    }
  });

  it("takes sequences shorter than T (the reader's own), and refuses longer ones", async () => {
    const { logits, attention } = await run(params, SHAPE, [randomTokens(5, 5)]);
    expect(logits[0]).toHaveLength(5);
    expect(attention[1][0][0]).toHaveLength(5);
    expect(() =>
      tf.tidy(() => transformerForward(tf, tensorsOf(params), tf.zeros([1, 25], "int32"), SHAPE).logits),
    ).toThrow(/1 to 24 tokens/);
  });
});

describe("a hand-set induction circuit (previous-token head → induction head)", () => {
  const { shape, params } = inductionCircuit(16, 24);

  it("copies the repeated half of core's sequences with a loss near 0", async () => {
    const batch = sampleInductionBatch(createRng(11), 64, TASK);
    const loss = tf.tidy(() => {
      const input = tf.tensor(batch.tokens, [64, 24], "int32");
      const { logits } = transformerForward(tf, tensorsOf(params), input, shape);
      return maskedCrossEntropy(
        tf,
        logits,
        tf.tensor(batch.targets, [64, 24], "int32"),
        tf.tensor(batch.repeatMask, [64, 24]),
      );
    });
    const value = (await loss.data())[0];
    loss.dispose();
    // ln 16 ≈ 2.77 is chance; the circuit's copied logit 12 leaves ≈ 15·e⁻¹² per position.
    expect(value).toBeLessThan(0.01);
  });

  it("attends one back in layer 1 and to the token after the earlier occurrence in layer 2", async () => {
    // a b c d e f | a b c d e f …: at the second "c" (t = 8) layer 2 reads position 3 ("d").
    const tokens = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5];
    const { attention } = await run(params, shape, [tokens]);
    for (let t = 1; t < tokens.length; t++) expect(attention[0][0][0][t][t - 1]).toBeGreaterThan(0.99);
    expect(attention[1][0][0][8][3]).toBeGreaterThan(0.99);
  });
});

describe("transformerSpec", () => {
  it("names the model by depth and parameter count and checks its sizes", () => {
    expect(transformerSpec("twoLayer", 2, INDUCTION_DEFAULTS).label).toBe(
      "2 attention layers of 2 heads (9,984 parameters)",
    );
    expect(transformerSpec("oneLayer", 1, INDUCTION_DEFAULTS).label).toBe(
      "1 attention layer of 2 heads (5,888 parameters)",
    );
    const bad = { ...INDUCTION_DEFAULTS, options: { ...INDUCTION_DEFAULTS.options, heads: 0 } };
    expect(() => transformerSpec("oneLayer", 1, bad)).toThrow(/heads must be a whole number/);
  });

  it("draws the same initial parameters from the same rng", () => {
    const spec = transformerSpec("twoLayer", 2, INDUCTION_DEFAULTS);
    expect(spec.init(createRng(3))).toEqual(spec.init(createRng(3)));
    expect(spec.init(createRng(3)).embed.values).not.toEqual(spec.init(createRng(4)).embed.values);
  });

  it("its loss averages −log p over the repeat mask only", async () => {
    const spec = transformerSpec("oneLayer", 1, INDUCTION_DEFAULTS);
    const params = spec.init(createRng(5));
    const batch = sampleInductionBatch(createRng(6), 8, TASK);
    const [loss, perPosition] = tf.tidy(() => {
      const tensors = {
        tokens: tf.tensor(batch.tokens, [8, 24], "int32"),
        targets: tf.tensor(batch.targets, [8, 24], "int32"),
        repeatMask: tf.tensor(batch.repeatMask, [8, 24]),
      };
      const p = tensorsOf(params);
      const { logits } = transformerForward(tf, p, tensors.tokens, transformerShape(INDUCTION_DEFAULTS, 1));
      const nll = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tensors.targets, 16)), -1));
      return [spec.loss(tf, p, tensors), nll];
    });
    const value = (await loss.data())[0];
    const nll = await perPosition.data();
    tf.dispose([loss, perPosition]);
    let sum = 0;
    let count = 0;
    batch.repeatMask.forEach((m, i) => {
      sum += m * nll[i];
      count += m;
    });
    expect(count).toBe(8 * 7);
    expect(value).toBeCloseTo(sum / count, 5);
  });
});
