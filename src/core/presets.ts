import { fromRows, identity, type Matrix } from "./matrix";

/** The names of the built-in projection presets for d_model = d_k = d_v = 2. */
export type PresetName = "identity" | "rotation" | "similar" | "opposite";

/** A choice of W_Q, W_K, W_V (each `[2, 2]`) with the sentence a reader sees next to it. */
export interface WeightPreset {
  label: string;
  description: string;
  /** `W_Q [2, 2]`. */
  wq: Matrix;
  /** `W_K [2, 2]`. */
  wk: Matrix;
  /** `W_V [2, 2]`. */
  wv: Matrix;
}

/** The gain used by "similar" and "opposite": scores grow by SHARPNESS², making softmax peaked. */
export const SHARPNESS = 3;

function scaled(c: number): Matrix {
  const m = identity(2);
  for (let i = 0; i < m.data.length; i++) m.data[i] *= c;
  return m;
}

/**
 * Preset projections for the 2-D widgets. Row-vector convention: `q = x·W_Q`, so
 * `W_Q = [[0, 1], [−1, 0]]` maps (x, y) to (−y, x), a quarter turn counter-clockwise.
 * Treat the matrices as read-only; copy one before editing it.
 */
export const weightPresets: Readonly<Record<PresetName, WeightPreset>> = {
  identity: {
    label: "Identity",
    description:
      "Queries, keys and values are the embeddings themselves, so each token weighs the others by plain dot product with itself.",
    wq: identity(2),
    wk: identity(2),
    wv: identity(2),
  },
  rotation: {
    label: "Rotated queries",
    description:
      "The query turns each token a quarter turn counter-clockwise, so a token attends to the tokens lying 90° around from it rather than to those like itself.",
    wq: fromRows([
      [0, 1],
      [-1, 0],
    ]),
    wk: identity(2),
    wv: identity(2),
  },
  similar: {
    label: "Attend to similar",
    description: `Queries and keys are the embeddings scaled by ${SHARPNESS}, which sharpens the softmax: each token puts nearly all its weight on tokens pointing the same way as itself.`,
    wq: scaled(SHARPNESS),
    wk: scaled(SHARPNESS),
    wv: identity(2),
  },
  opposite: {
    label: "Attend to opposite",
    description: `Keys are flipped (W_K = −${SHARPNESS}·I), so the highest scores go to tokens pointing away from the query: each token attends to its opposites, and least to itself.`,
    wq: scaled(SHARPNESS),
    wk: scaled(-SHARPNESS),
    wv: identity(2),
  },
};

/** The preset names in display order. */
export const presetNames: readonly PresetName[] = ["identity", "rotation", "similar", "opposite"];
