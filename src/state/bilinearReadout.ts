import { attention } from "../core/attention";
import { type BilinearTerms, bilinearTerms, type LinearTerms, linearTerms } from "../core/bilinear";
import { at, identity, row } from "../core/matrix";
import { mlp } from "../core/mlp";
import type { BilinearState } from "./bilinearStore";

/** Everything the BilinearScore figure shows, derived from its state with src/core. */
export interface BilinearReadout extends BilinearTerms {
  /** Token embeddings x_i and x_j. */
  xi: number[];
  xj: number[];
  /** `scores[i][j]` of core attention on all the tokens: the number the sum must equal. */
  attentionScore: number;
  /** `sum − attentionScore`: rounding only, ~1e-16. */
  difference: number;
  /** The fixed layer's pre-activation of `unit` for token i, written as a sum over the inputs. */
  layer: LinearTerms & {
    /** The same pre-activation from core's `mlp` (first layer A only, σ irrelevant before σ). */
    preActivation: number;
  };
}

/** What the readout depends on. */
export type BilinearInputs = Pick<
  BilinearState,
  "tokens" | "points" | "query" | "key" | "wq" | "wk" | "a" | "unit"
>;

/** The score's bilinear expansion and the fixed layer's linear one; null without tokens. */
export function bilinearReadout(s: BilinearInputs): BilinearReadout | null {
  if (s.tokens.length === 0) return null;
  const dK = s.wq.cols;
  const xi = row(s.points, s.query);
  const xj = row(s.points, s.key);
  const expanded = bilinearTerms(xi, xj, s.wq, s.wk, 1 / Math.sqrt(dK));
  // The reference: the whole score matrix, computed the ordinary way (Q = XW_Q, K = XW_K, QKᵀ/√d_k).
  const { scores } = attention({ x: s.points, wq: s.wq, wk: s.wk, wv: identity(s.points.cols) });
  const attentionScore = at(scores, s.query, s.key);
  const layerTerms = linearTerms(xi, s.a, s.unit);
  const { preActivations } = mlp({ x: s.points, a: s.a, b: identity(s.a.rows), activation: "relu" });
  return {
    ...expanded,
    xi,
    xj,
    attentionScore,
    difference: expanded.sum - attentionScore,
    layer: { ...layerTerms, preActivation: at(preActivations, s.query, s.unit) },
  };
}
