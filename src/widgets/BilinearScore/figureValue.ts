import { toRows } from "../../core/matrix";
import { type BilinearReadout, bilinearReadout } from "../../state/bilinearReadout";
import type { BilinearState } from "../../state/bilinearStore";

/** What a host page reads from the BilinearScore root element as `element.value`. */
export interface BilinearFigureValue {
  tokens: string[];
  points: number[][];
  query: number;
  key: number;
  preset: BilinearState["preset"];
  wq: number[][];
  wk: number[][];
  unit: number;
  /** M = W_Q W_Kᵀ/√d_k, the four terms x_i[a]·M[a,b]·x_j[b], their sum and the attention score. */
  m: number[][] | null;
  terms: number[][] | null;
  sum: number | null;
  attentionScore: number | null;
  /** The fixed layer's terms A[unit,a]·x_i[a], their sum, and core mlp's pre-activation. */
  layerTerms: number[] | null;
  layerSum: number | null;
  preActivation: number | null;
}

export function figureValue(s: BilinearState, readout: BilinearReadout | null = bilinearReadout(s)) {
  const value: BilinearFigureValue = {
    tokens: [...s.tokens],
    points: toRows(s.points),
    query: s.query,
    key: s.key,
    preset: s.preset,
    wq: toRows(s.wq),
    wk: toRows(s.wk),
    unit: s.unit,
    m: readout ? toRows(readout.m) : null,
    terms: readout ? toRows(readout.terms) : null,
    sum: readout?.sum ?? null,
    attentionScore: readout?.attentionScore ?? null,
    layerTerms: readout ? [...readout.layer.terms] : null,
    layerSum: readout?.layer.sum ?? null,
    preActivation: readout?.layer.preActivation ?? null,
  };
  return value;
}

/** What the terms depend on: a change to any of them is news for the host. */
export const INPUTS = ["tokens", "points", "query", "key", "wq", "wk", "unit"] as const;
