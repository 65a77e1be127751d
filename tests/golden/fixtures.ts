/**
 * Typed access to the golden fixtures written by `scripts/golden.py` (numpy). Matrices come
 * back as core `Matrix` values; `null` in the JSON (a masked score) becomes −Infinity.
 */

import type { Normalisation } from "../../src/core/attention";
import { type Matrix, matrix } from "../../src/core/matrix";
import type { Activation } from "../../src/core/mlp";
import attentionJson from "./attention.json";
import mlpJson from "./mlp.json";

type Rows = (number | null)[][];

export interface AttentionGoldenCase {
  name: string;
  seed: number;
  causal: boolean;
  temperature: number;
  normalisation: Normalisation;
  /** One per token: true hides that token as a key. */
  maskedKeys: boolean[];
  /** Whether the scores were divided by √d_k. */
  scale: boolean;
  x: Matrix;
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  q: Matrix;
  k: Matrix;
  v: Matrix;
  scores: Matrix;
  weights: Matrix;
  out: Matrix;
}

export interface MlpGoldenCase {
  name: string;
  seed: number;
  activation: Activation;
  x: Matrix;
  a: Matrix;
  b: Matrix;
  preActivations: Matrix;
  hidden: Matrix;
  out: Matrix;
}

/** Nested JSON rows to a Matrix, reading `null` as −Infinity. */
export function decodeMatrix(rows: Rows): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const flat = rows.flat().map((v) => (v === null ? Number.NEGATIVE_INFINITY : v));
  return matrix(rows.length, cols, flat);
}

const ATTENTION_MATRICES = ["x", "wq", "wk", "wv", "q", "k", "v", "scores", "weights", "out"] as const;
const MLP_MATRICES = ["x", "a", "b", "preActivations", "hidden", "out"] as const;

function decodeCase<K extends string>(raw: Record<string, unknown>, keys: readonly K[]): Record<K, Matrix> {
  const decoded = {} as Record<K, Matrix>;
  for (const key of keys) decoded[key] = decodeMatrix(raw[key] as Rows);
  return decoded;
}

export const attentionCases: AttentionGoldenCase[] = attentionJson.cases.map((raw) => ({
  name: raw.name,
  seed: raw.seed,
  causal: raw.causal,
  temperature: raw.temperature,
  normalisation: raw.normalisation as Normalisation,
  maskedKeys: raw.maskedKeys,
  scale: raw.scale,
  ...decodeCase(raw, ATTENTION_MATRICES),
}));

export const mlpCases: MlpGoldenCase[] = mlpJson.cases.map((raw) => ({
  name: raw.name,
  seed: raw.seed,
  activation: raw.activation as Activation,
  ...decodeCase(raw, MLP_MATRICES),
}));

/**
 * The largest error of `actual` against `expected`, scaled as `|a − e| / max(1, |e|)`: an
 * absolute error for numbers of order 1 and a relative one for large scores. Equal infinities
 * count as 0; a shape mismatch, NaN or a finite/infinite mismatch counts as Infinity.
 */
export function maxScaledError(actual: Matrix, expected: Matrix): number {
  if (actual.rows !== expected.rows || actual.cols !== expected.cols) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i];
    const e = expected.data[i];
    if (a === e) continue;
    const err = Math.abs(a - e) / Math.max(1, Math.abs(e));
    worst = Number.isNaN(err) ? Number.POSITIVE_INFINITY : Math.max(worst, err);
  }
  return worst;
}

/** Golden tolerance for float64 results. */
export const GOLDEN_TOLERANCE = 1e-9;
