import type { FastWeightRule } from "../../core/fastWeightMemory";
import type { FeatureMap } from "../../core/fastWeights";
import { row, toRows } from "../../core/matrix";
import { readDifference } from "../../state/fastWeightsProjection";
import { currentAttention, type FastWeightsState } from "../../state/fastWeightsStore";

/** What a host page reads from the fast weight player's root element as `element.value`. */
export interface FastWeightsFigureValue {
  tokens: string[];
  /** The token on screen, 0-based. */
  step: number;
  featureMap: FeatureMap;
  normalise: boolean;
  rule: FastWeightRule;
  beta: number;
  /** W_t [d_v, d_k] and the update ΔW_t that token t added; null without tokens. */
  memory: number[][] | null;
  update: number[][] | null;
  /** W_tφ(q_t) (normalised if on), from core. */
  read: number[] | null;
  /** Row t of causal linear attention from the engine; null until it lands. */
  attentionRow: number[] | null;
  /** max |read − attention row| at t, and over every t; null until the engine's result lands. */
  difference: number | null;
  maxDifference: number | null;
  resultVersion: number;
}

export function figureValue(s: FastWeightsState): FastWeightsFigureValue {
  const memory = s.memory;
  const attention = currentAttention(s);
  const t = s.step;
  return {
    tokens: [...s.tokens],
    step: t,
    featureMap: s.featureMap,
    normalise: s.normalise,
    rule: s.rule,
    beta: s.beta,
    memory: memory ? toRows(memory.memories[t]) : null,
    update: memory ? toRows(memory.updates[t]) : null,
    read: memory ? row(memory.reads, t) : null,
    attentionRow: attention ? row(attention.out, t) : null,
    difference: memory && attention ? readDifference(memory, attention, t) : null,
    maxDifference: memory && attention ? readDifference(memory, attention, null) : null,
    resultVersion: s.resultVersion,
  };
}
