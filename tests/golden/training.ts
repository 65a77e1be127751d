/**
 * Typed access to tests/golden/training.json, written by `scripts/golden_training.py` (numpy): Part
 * III's reference losses (exact by moments, checked there against a Monte Carlo simulation) and the
 * preconditioners of linear self-attention layers in the training convention, found by probing.
 */

import type { LsaLayer } from "../../src/core/linearSelfAttention";
import type { Matrix } from "../../src/core/matrix";
import type { RegressionTaskOptions } from "../../src/core/regressionTasks";
import { decodeMatrix } from "./fixtures";
import json from "./training.json";

type Rows = number[][];

/** One task distribution (d, N, a) with its losses L = ½·E[(ŷ − y)²]. */
export interface ReferenceCase {
  name: string;
  options: RegressionTaskOptions;
  /** Predicting 0. */
  zeroLoss: number;
  /** Learning rates of one gradient step from W = 0 (0, 0.25/a², 1/a², η*, 2/a²) … */
  etas: number[];
  /** … and each one's expected loss. */
  gdLosses: number[];
  optimalEta: number;
  optimalLoss: number;
  /** numpy's simulation of the same tasks: mean loss per η and its standard error. */
  monteCarlo: { tasks: number; seed: number; means: number[]; standardErrors: number[] };
}

/** A layer (row convention, sum normalised by 1/N) and the gradient step it performs. */
export interface ImpliedCase {
  name: string;
  seed: number;
  inputDim: number;
  layer: LsaLayer;
  /** A [d, d]: ŷ_odd = x_q·A·(1/N)Σ y_i x_iᵀ. */
  preconditioner: Matrix;
  eta: number;
  offIdentity: number;
}

interface RawReference {
  name: string;
  inputDim: number;
  examples: number;
  inputScale: number;
  zeroLoss: number;
  etas: number[];
  gdLosses: number[];
  optimalEta: number;
  optimalLoss: number;
  monteCarlo: ReferenceCase["monteCarlo"];
}

interface RawImplied {
  name: string;
  seed: number;
  inputDim: number;
  layer: Record<"wk" | "wq" | "wv" | "projection", Rows>;
  preconditioner: Rows;
  eta: number;
  offIdentity: number;
}

export const referenceCases: ReferenceCase[] = (json.references as RawReference[]).map((raw) => ({
  name: raw.name,
  options: { inputDim: raw.inputDim, examples: raw.examples, inputScale: raw.inputScale },
  zeroLoss: raw.zeroLoss,
  etas: raw.etas,
  gdLosses: raw.gdLosses,
  optimalEta: raw.optimalEta,
  optimalLoss: raw.optimalLoss,
  monteCarlo: raw.monteCarlo,
}));

export const impliedCases: ImpliedCase[] = (json.implied as unknown as RawImplied[]).map((raw) => ({
  name: raw.name,
  seed: raw.seed,
  inputDim: raw.inputDim,
  layer: {
    wk: decodeMatrix(raw.layer.wk),
    wq: decodeMatrix(raw.layer.wq),
    wv: decodeMatrix(raw.layer.wv),
    projection: decodeMatrix(raw.layer.projection),
  },
  preconditioner: decodeMatrix(raw.preconditioner),
  eta: raw.eta,
  offIdentity: raw.offIdentity,
}));
