import type { Activation } from "../../core/mlp";
import { ACTIVATIONS, type MlpState } from "../mlpStore";
import { DEFAULT_MLP_SEED } from "../mlpWeights";
import { defineCodec } from "./codec";
import { seedField } from "./commonFields";
import { choiceField } from "./fields";
import { checkSentence } from "./sentenceCheck";
import { movedField, movedTriples, sentenceField } from "./tokenShare";

/**
 * Everything a link to the fixed-MLP explorer restores. A and B are not in it: they are drawn
 * from `seed`, so the seed alone brings back the same network bit for bit.
 */
export interface MlpShared {
  text: string;
  moved: readonly number[];
  /** σ in σ(XAᵀ)Bᵀ. */
  activation: Activation;
  /** Seed of the RNG that draws A and B. */
  seed: number;
}

export const mlpCodec = defineCodec<MlpShared>({
  name: "mlp",
  version: 1,
  fields: {
    text: sentenceField("the cat sat on the mat"),
    moved: movedField,
    activation: choiceField({ values: ACTIVATIONS, fallback: "relu", doc: "the nonlinearity σ" }),
    seed: seedField(DEFAULT_MLP_SEED, "seed of the random draw of the fixed weights A and B"),
  },
  check(state) {
    const { moved, messages } = checkSentence(state.text, state.moved);
    return { state: { ...state, moved }, messages };
  },
});

/** The shareable part of an MLP explorer's store. */
export function mlpShared(s: MlpState): MlpShared {
  return { text: s.text, moved: movedTriples(s.tokens, s.moved), activation: s.activation, seed: s.seed };
}
