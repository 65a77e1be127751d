import type { FastWeightRule } from "../../core/fastWeightMemory";
import { type FeatureMap, featureMaps } from "../../core/fastWeights";
import { tokenize } from "../../core/tokens";
import { DEFAULT_PLAYER_TEXT, type FastWeightsState } from "../fastWeightsStore";
import { TOKEN_LIMIT } from "../tokenPoints";
import { defineCodec } from "./codec";
import { choiceField, flagField, numberField } from "./fields";
import { sentenceField } from "./tokenShare";

/** Everything a link to the fast weight player restores: the sentence, the rule, and the token on screen. */
export interface FastWeightsShared {
  text: string;
  /** The feature map φ applied to keys and queries. */
  phi: FeatureMap;
  /** Divide each read by φ(q_t)ᵀ Σ φ(k_i), as normalised linear attention does. */
  norm: boolean;
  rule: FastWeightRule;
  /** Delta rule's write strength β in [0, 1]. */
  beta: number;
  /** The token on screen, 0-based. */
  step: number;
}

export const fastWeightsCodec = defineCodec<FastWeightsShared>({
  name: "fast-weights",
  version: 1,
  fields: {
    text: sentenceField(DEFAULT_PLAYER_TEXT),
    phi: choiceField({
      values: featureMaps,
      fallback: "elu1",
      doc: "feature map φ (identity or elu(x) + 1)",
    }),
    norm: flagField({ fallback: false, doc: "divide each read by φ(q_t)ᵀ Σ φ(k_i)" }),
    rule: choiceField({
      values: ["sum", "delta"] as const,
      fallback: "sum",
      doc: "write rule: sum adds v φ(k)ᵀ, delta replaces what k held",
    }),
    beta: numberField({ fallback: 1, min: 0, max: 1, doc: "delta rule's write strength β" }),
    step: numberField({
      fallback: 0,
      min: 0,
      max: TOKEN_LIMIT - 1,
      integer: true,
      doc: "the token on screen (from 0)",
    }),
  },
  check(parsed) {
    // β = −0 is β = 0; the store keeps only the latter.
    const state = { ...parsed, beta: parsed.beta + 0, step: parsed.step + 0 };
    const n = tokenize(state.text, TOKEN_LIMIT).tokens.length;
    const last = Math.max(0, n - 1);
    if (state.step <= last) return { state, messages: [] };
    return {
      state: { ...state, step: last },
      messages: [
        n === 0
          ? `The sentence is empty, so step=${state.step} shows nothing; it was set to 0.`
          : `step=${state.step} is past the sentence's ${n} token${n === 1 ? "" : "s"} (steps count from 0); showing the last, step=${last}.`,
      ],
    };
  },
});

/** The shareable part of a fast weight player's store. */
export function fastWeightsShared(s: FastWeightsState): FastWeightsShared {
  return {
    text: s.text,
    phi: s.featureMap,
    norm: s.normalise,
    rule: s.rule,
    beta: s.beta,
    step: s.step,
  };
}
