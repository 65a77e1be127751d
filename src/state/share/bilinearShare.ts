import type { Matrix } from "../../core/matrix";
import {
  BILINEAR_WEIGHT_LIMIT,
  type BilinearPresetName,
  type BilinearState,
  bilinearPresetNames,
  MIXED_PRESET,
  presetOf,
} from "../bilinearStore";
import { MLP_HIDDEN } from "../mlpWeights";
import { defineCodec } from "./codec";
import { tokenIndexField } from "./commonFields";
import { choiceField, numberField, numbersField } from "./fields";
import { checkSentence } from "./sentenceCheck";
import { movedField, movedTriples, sentenceField } from "./tokenShare";

/** Everything a link to the bilinear-score figure restores. */
export interface BilinearShared {
  text: string;
  moved: readonly number[];
  /** Query token i and key token j of the score s_ij (indices from 0). */
  query: number;
  key: number;
  preset: BilinearPresetName | "custom";
  /** W_Q and W_K [2, 2], row by row. */
  wq: readonly number[];
  wk: readonly number[];
  /** The fixed MLP's hidden unit the side table expands. */
  unit: number;
}

const flat = (m: Matrix) => Array.from(m.data);
const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, k) => Object.is(x, b[k]));

const weights = (fallback: readonly number[], name: string) =>
  numbersField({
    fallback,
    min: -BILINEAR_WEIGHT_LIMIT,
    max: BILINEAR_WEIGHT_LIMIT,
    minLength: 4,
    maxLength: 4,
    doc: `${name} [2, 2], row by row`,
  });

const MIXED_WQ = flat(MIXED_PRESET.wq);
const MIXED_WK = flat(MIXED_PRESET.wk);

export const bilinearCodec = defineCodec<BilinearShared>({
  name: "bilinear",
  version: 1,
  fields: {
    text: sentenceField("the cat sat on the mat"),
    moved: movedField,
    query: tokenIndexField(1, "the query token i of the score s_ij (from 0)"),
    key: tokenIndexField(2, "the key token j of the score s_ij (from 0)"),
    preset: choiceField({
      values: [...bilinearPresetNames, "custom"] as const,
      fallback: "mixed",
      doc: "the named W_Q, W_K (custom when edited)",
    }),
    wq: weights(MIXED_WQ, "W_Q"),
    wk: weights(MIXED_WK, "W_K"),
    unit: numberField({
      fallback: 0,
      min: 0,
      max: MLP_HIDDEN - 1,
      integer: true,
      doc: "the fixed MLP's hidden unit the side table expands (from 0)",
    }),
  },
  check(state) {
    const { tokens, moved, messages } = checkSentence(state.text, state.moved);
    const n = tokens.length;
    const token = (name: "query" | "key") => {
      const i = state[name];
      if (n === 0) return 0;
      if (i < n) return i;
      messages.push(`Ignored ${name}=${i}: the sentence has ${n} tokens (0 to ${n - 1}); using the last.`);
      return n - 1;
    };
    const query = token("query");
    const key = token("key");
    let { preset, wq, wk } = state;
    if (preset !== "custom") {
      // A named preset sets both matrices; a link that names one and leaves W_Q, W_K out gets its
      // matrices, and one whose matrices differ keeps them, as custom weights.
      const named = presetOf(preset);
      if (same(wq, MIXED_WQ)) wq = flat(named.wq);
      if (same(wk, MIXED_WK)) wk = flat(named.wk);
      if (!same(wq, flat(named.wq)) || !same(wk, flat(named.wk))) {
        messages.push(
          `W_Q and W_K in the link are not the "${preset}" preset's, so they are kept as custom weights.`,
        );
        preset = "custom";
      }
    }
    return { state: { ...state, moved, query, key, preset, wq, wk }, messages };
  },
});

/** The shareable part of a bilinear-score store. */
export function bilinearShared(s: BilinearState): BilinearShared {
  return {
    text: s.text,
    moved: movedTriples(s.tokens, s.moved),
    query: s.query,
    key: s.key,
    preset: s.preset,
    wq: flat(s.wq),
    wk: flat(s.wk),
    unit: s.unit,
  };
}
