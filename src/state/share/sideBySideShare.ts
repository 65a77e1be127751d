import { DEFAULT_MLP_SEED } from "../mlpWeights";
import type { SideBySideState } from "../sideBySideStore";
import { PLANE_LIMIT } from "../tokenPoints";
import { defineCodec } from "./codec";
import { seedField, tokenIndexField } from "./commonFields";
import { flagField } from "./fields";
import { checkSentence } from "./sentenceCheck";
import { checkMoved, movedField, movedTriples, sentenceField } from "./tokenShare";

/**
 * Everything a link to the side-by-side figure restores. Frozen attention weights are not written
 * out (n² numbers); the link keeps where the tokens were when the reader froze them, `frozenat`,
 * and the figure computes the same softmax(QKᵀ/√d) from those positions again.
 */
export interface SideBySideShared {
  text: string;
  moved: readonly number[];
  /** Seed of the RNG that draws the MLP's A and B. */
  seed: number;
  /** Attention's mixing matrix is frozen. */
  frozen: boolean;
  /** The drags in effect when attention was frozen, as index,x,y triples (empty unless frozen). */
  frozenat: readonly number[];
  /** The output token the readout follows. */
  out: number;
}

export const sideBySideCodec = defineCodec<SideBySideShared>({
  name: "side-by-side",
  version: 1,
  fields: {
    text: sentenceField("the cat sat on the mat"),
    moved: movedField,
    seed: seedField(DEFAULT_MLP_SEED, "seed of the random draw of the MLP's fixed weights A and B"),
    frozen: flagField({ fallback: false, doc: "attention's mixing matrix is frozen" }),
    frozenat: {
      ...movedField,
      doc: "where the dragged tokens were when attention was frozen, as index,x,y triples",
    },
    out: tokenIndexField(0, "the output token the readout follows (from 0)"),
  },
  check(state) {
    const { tokens, moved, messages } = checkSentence(state.text, state.moved);
    const n = tokens.length;
    let frozen = state.frozen;
    let frozenat = checkMoved(tokens, state.frozenat);
    if (frozenat.message) {
      messages.push(
        `Ignored some positions in "frozenat": each must be index,x,y with an index of a token (in increasing order) and x, y within ±${PLANE_LIMIT}.`,
      );
    }
    if (frozen && n === 0) {
      messages.push("Ignored frozen=1: there are no tokens whose attention could be frozen.");
      frozen = false;
    }
    if (!frozen && frozenat.moved.length > 0) {
      messages.push('Ignored "frozenat": it only applies when attention is frozen (frozen=1).');
      frozenat = { moved: [] };
    }
    let out = state.out;
    if (n === 0) out = 0;
    else if (out >= n) {
      messages.push(`Ignored out=${out}: the sentence has ${n} tokens (0 to ${n - 1}); following the first.`);
      out = 0;
    }
    return { state: { ...state, moved, frozen, frozenat: frozenat.moved, out }, messages };
  },
});

/** The shareable part of a side-by-side store. */
export function sideBySideShared(s: SideBySideState): SideBySideShared {
  return {
    text: s.text,
    moved: movedTriples(s.tokens, s.moved),
    seed: s.seed,
    frozen: s.frozen !== null,
    frozenat: s.frozenAt ? movedTriples(s.tokens, s.frozenAt) : [],
    out: s.selectedOutput ?? 0,
  };
}
