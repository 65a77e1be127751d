/**
 * Typed access to tests/golden/hopfield.json, written by `scripts/golden_hopfield.py` (numpy).
 * Matrices come back as core `Matrix` values.
 */

import type { Matrix } from "../../src/core/matrix";
import { decodeMatrix } from "./fixtures";
import hopfieldJson from "./hopfield.json";

type Rows = number[][];

/** Modern Hopfield updates with the weights and energies of every step. */
export interface RetrieveGoldenCase {
  name: string;
  beta: number;
  steps: number;
  patterns: Matrix;
  /** The starting states ξ_0, [M, d]. */
  states0: Matrix;
  states: Matrix[];
  weights: Matrix[];
  energies: Matrix;
}

/** One query ξ and patterns; numpy's attention (identity maps, ξ hidden as a key) and update agree. */
export interface EquivalenceGoldenCase {
  patterns: Matrix;
  /** [1, d]. */
  xi: Matrix;
  /** 1/√d. */
  beta: number;
  attentionOut: number[];
  update: number[];
}

export interface ClassicalGoldenCase {
  patterns: Matrix;
  states: Matrix;
  weights: Matrix;
  next: Matrix;
  /** Some field W ξ was exactly 0, so the case checks sign(0) = +1. */
  hadTie: boolean;
}

export interface RecallGoldenCase {
  flips: number;
  patterns: Matrix;
  queries: Matrix;
  /** β (as written by Python, e.g. "1.0") → recalled exactly, per query. */
  modern: Record<string, boolean[]>;
  classical: boolean[];
}

const raw = hopfieldJson as unknown as {
  retrieve: (Omit<RetrieveGoldenCase, "patterns" | "states0" | "states" | "weights" | "energies"> & {
    patterns: Rows;
    states0: Rows;
    states: Rows[];
    weights: Rows[];
    energies: Rows;
  })[];
  equivalence: { patterns: Rows; xi: Rows; beta: number; attentionOut: number[]; update: number[] }[];
  classical: { patterns: Rows; states: Rows; weights: Rows; next: Rows; hadTie: boolean }[];
  recall: {
    flips: number;
    patterns: Rows;
    queries: Rows;
    modern: Record<string, boolean[]>;
    classical: boolean[];
  }[];
};

export const retrieveCases: RetrieveGoldenCase[] = raw.retrieve.map((c) => ({
  name: c.name,
  beta: c.beta,
  steps: c.steps,
  patterns: decodeMatrix(c.patterns),
  states0: decodeMatrix(c.states0),
  states: c.states.map(decodeMatrix),
  weights: c.weights.map(decodeMatrix),
  energies: decodeMatrix(c.energies),
}));

export const equivalenceCases: EquivalenceGoldenCase[] = raw.equivalence.map((c) => ({
  ...c,
  patterns: decodeMatrix(c.patterns),
  xi: decodeMatrix(c.xi),
}));

export const classicalCases: ClassicalGoldenCase[] = raw.classical.map((c) => ({
  patterns: decodeMatrix(c.patterns),
  states: decodeMatrix(c.states),
  weights: decodeMatrix(c.weights),
  next: decodeMatrix(c.next),
  hadTie: c.hadTie,
}));

export const recallCases: RecallGoldenCase[] = raw.recall.map((c) => ({
  ...c,
  patterns: decodeMatrix(c.patterns),
  queries: decodeMatrix(c.queries),
}));
