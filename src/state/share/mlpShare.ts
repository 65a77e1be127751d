import type { Activation } from "../../core/mlp";
import { tokenize } from "../../core/tokens";
import { ACTIVATIONS, type MlpState } from "../mlpStore";
import { DEFAULT_MLP_SEED } from "../mlpWeights";
import { TOKEN_LIMIT } from "../tokenPoints";
import { defineCodec } from "./codec";
import { choiceField, numberField } from "./fields";
import { checkMoved, movedField, movedTriples, sentenceField } from "./tokenShare";

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

/** Seeds are taken modulo 2³² by the RNG, so these are all the distinct networks. */
export const SEED_MAX = 2 ** 32 - 1;

export const mlpCodec = defineCodec<MlpShared>({
  name: "mlp",
  version: 1,
  fields: {
    text: sentenceField("the cat sat on the mat"),
    moved: movedField,
    activation: choiceField({ values: ACTIVATIONS, fallback: "relu", doc: "the nonlinearity σ" }),
    seed: numberField({
      fallback: DEFAULT_MLP_SEED,
      min: 0,
      max: SEED_MAX,
      integer: true,
      doc: "seed of the random draw of the fixed weights A and B",
    }),
  },
  check(state) {
    const { tokens } = tokenize(state.text, TOKEN_LIMIT);
    const moved = checkMoved(tokens, state.moved);
    return { state: { ...state, moved: moved.moved }, messages: moved.message ? [moved.message] : [] };
  },
});

/** The shareable part of an MLP explorer's store. */
export function mlpShared(s: MlpState): MlpShared {
  return { text: s.text, moved: movedTriples(s.tokens, s.moved), activation: s.activation, seed: s.seed };
}
