/**
 * Typed access to tests/golden/fastWeights.json, written by `scripts/golden_fast_weights.py`
 * (numpy): causal linear attention, fast weight memories, and retrieval error by N.
 */

import type { FastWeightRule } from "../../src/core/fastWeightMemory";
import type { FeatureMap } from "../../src/core/fastWeights";
import type { Matrix } from "../../src/core/matrix";
import fastWeightsJson from "./fastWeights.json";
import { decodeMatrix } from "./fixtures";

type Rows = number[][];

/** The attention form's numbers; present for sum-rule cases only (the delta rule has no such form). */
export interface LinearAttentionGolden {
  scores: Matrix;
  normalisers: Matrix;
  weights: Matrix;
  out: Matrix;
}

export interface SequenceGoldenCase {
  name: string;
  featureMap: FeatureMap;
  normalise: boolean;
  rule: FastWeightRule;
  beta: number;
  q: Matrix;
  k: Matrix;
  v: Matrix;
  recalled: Matrix;
  written: Matrix;
  updates: Matrix[];
  memories: Matrix[];
  /** `z_tᵀφ(q_t)` as the loop form computes it, [n, 1]. */
  memoryNormalisers: Matrix;
  reads: Matrix;
  attention: LinearAttentionGolden | null;
}

export interface CapacityGoldenCase {
  name: string;
  d: number;
  keys: Matrix;
  values: Matrix;
  /** error(N) at index N − 1, for each rule (and β) the script ran. */
  errors: { rule: FastWeightRule; beta: number; errors: number[] }[];
}

type RawCase = Record<string, unknown> & { kind: string; name: string };
const raw = fastWeightsJson.cases as unknown as RawCase[];
const m = (value: unknown) => decodeMatrix(value as Rows);

export const sequenceCases: SequenceGoldenCase[] = raw
  .filter((c) => c.kind === "sequence")
  .map((c) => ({
    name: c.name,
    featureMap: c.featureMap as FeatureMap,
    normalise: c.normalise as boolean,
    rule: c.rule as FastWeightRule,
    beta: c.beta as number,
    q: m(c.q),
    k: m(c.k),
    v: m(c.v),
    recalled: m(c.recalled),
    written: m(c.written),
    updates: (c.updates as Rows[]).map(m),
    memories: (c.memories as Rows[]).map(m),
    memoryNormalisers: m(c.memoryNormalisers),
    reads: m(c.reads),
    attention:
      c.rule === "sum"
        ? { scores: m(c.scores), normalisers: m(c.normalisers), weights: m(c.weights), out: m(c.out) }
        : null,
  }));

export const capacityCases: CapacityGoldenCase[] = raw
  .filter((c) => c.kind === "capacity")
  .map((c) => ({
    name: c.name,
    d: c.d as number,
    keys: m(c.keys),
    values: m(c.values),
    errors: c.errors as CapacityGoldenCase["errors"],
  }));
