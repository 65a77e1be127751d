import { COST_D_CHOICES, type CostState, DEFAULT_COST_D } from "../largeAttentionCostStore";
import { defineCodec } from "./codec";
import { listedNumberField } from "./commonFields";

/**
 * What a link to the attention-cost benchmark restores: its settings only. The timings belong to
 * the reader's device and are measured again on the reader's click, never carried by a link.
 */
export interface AttentionCostShared {
  /** d_model = d_k of the next run. */
  d: number;
}

export const attentionCostCodec = defineCodec<AttentionCostShared>({
  name: "attention-cost",
  version: 1,
  fields: {
    d: listedNumberField(
      COST_D_CHOICES,
      DEFAULT_COST_D,
      `d_model = d_k of the benchmark, one of ${COST_D_CHOICES.join(", ")}`,
    ),
  },
  check(state) {
    if (COST_D_CHOICES.includes(state.d)) return { state, messages: [] };
    return {
      state: { d: DEFAULT_COST_D },
      messages: [
        `d = ${state.d} is not one of ${COST_D_CHOICES.join(", ")}; the benchmark uses d = ${DEFAULT_COST_D}.`,
      ],
    };
  },
});

/** The shareable part of the benchmark's store. */
export function attentionCostShared(s: CostState): AttentionCostShared {
  return { d: s.d };
}
