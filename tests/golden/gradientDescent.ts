/**
 * Typed access to tests/golden/gradientDescent.json, written by `scripts/golden_gd.py` (numpy, in
 * the paper's column-vector convention, stored transposed into src/core's row-vector one).
 */

import type { LsaLayer } from "../../src/core/linearSelfAttention";
import type { Matrix } from "../../src/core/matrix";
import { decodeMatrix } from "./fixtures";
import json from "./gradientDescent.json";

type Rows = number[][];

interface GoldenBase {
  name: string;
  seed: number;
  /** Context inputs X [N, d] and targets Y [N, d_y]. */
  xs: Matrix;
  ys: Matrix;
  /** Query inputs X_q [M, d]. */
  queries: Matrix;
  /** The layers as applied in order ("construction" cases list one layer, applied STEPS times). */
  layers: LsaLayer[];
  /** −(query y-slots) after each layer, [M, d_y]. */
  lsaPredictions: Matrix[];
  /** F_l [D, D] per layer. */
  fastWeights: Matrix[];
  /** Construction: W_eff [d, d_y] of the first k layers, k = 1..STEPS; random: the whole stack's. */
  effectiveWeights: Matrix[];
  /** All tokens after the last layer, [N + M, D]. */
  tokens: Matrix;
}

/** K constructed layers against K gradient steps (K = 1..4). */
export interface ConstructionCase extends GoldenBase {
  kind: "construction";
  eta: number;
  /** W_k [d, d_y] after step k. */
  gdWeights: Matrix[];
  gdPredictions: Matrix[];
  losses: number[];
  initialLoss: number;
}

/** Random, non-constructed layers: lsaForward in general. */
export interface RandomLayersCase extends GoldenBase {
  kind: "random";
}

type RawLayer = Record<"wk" | "wq" | "wv" | "projection", Rows>;
type RawCase = Record<string, unknown> & { layers: RawLayer[] };

const decodeLayer = (raw: RawLayer): LsaLayer => ({
  wk: decodeMatrix(raw.wk),
  wq: decodeMatrix(raw.wq),
  wv: decodeMatrix(raw.wv),
  projection: decodeMatrix(raw.projection),
});

const matrices = (raw: unknown) => (raw as Rows[]).map(decodeMatrix);

function decodeBase(raw: RawCase): GoldenBase {
  return {
    name: raw.name as string,
    seed: raw.seed as number,
    xs: decodeMatrix(raw.xs as Rows),
    ys: decodeMatrix(raw.ys as Rows),
    queries: decodeMatrix(raw.queries as Rows),
    layers: raw.layers.map(decodeLayer),
    lsaPredictions: matrices(raw.lsaPredictions),
    fastWeights: matrices(raw.fastWeights),
    effectiveWeights: matrices(raw.effectiveWeights),
    tokens: decodeMatrix(raw.tokens as Rows),
  };
}

const raws = json.cases as unknown as RawCase[];

export const constructionCases: ConstructionCase[] = raws
  .filter((raw) => raw.kind === "construction")
  .map((raw) => ({
    ...decodeBase(raw),
    kind: "construction",
    eta: raw.eta as number,
    gdWeights: matrices(raw.gdWeights),
    gdPredictions: matrices(raw.gdPredictions),
    losses: raw.losses as number[],
    initialLoss: raw.initialLoss as number,
  }));

export const randomLayersCases: RandomLayersCase[] = raws
  .filter((raw) => raw.kind === "random")
  .map((raw) => ({ ...decodeBase(raw), kind: "random" }));
