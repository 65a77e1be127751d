import type { Normalisation } from "../../core/attention";
import { type PresetName, weightPresets } from "../../core/presets";
import type { AttentionState, Role } from "../attentionStore";
import { TOKEN_LIMIT } from "../tokenPoints";
import { defineCodec } from "./codec";
import { choiceField, flagField, namesField, numberField, numbersField } from "./fields";
import { checkSentence } from "./sentenceCheck";
import { movedField, movedTriples, sentenceField } from "./tokenShare";

/** Everything a link to the attention explorer restores. */
export interface AttentionShared {
  text: string;
  moved: readonly number[];
  preset: PresetName | "custom";
  /** W_Q, W_K, W_V [2, 2], row by row. */
  wq: readonly number[];
  wk: readonly number[];
  wv: readonly number[];
  causal: boolean;
  temp: number;
  norm: Normalisation;
  scale: boolean;
  /** Indices of the tokens hidden as keys. */
  masked: readonly number[];
  /** The highlighted query row; -1 for none. */
  row: number;
  arrows: readonly Role[];
  /** The "Step by step" controls open. */
  steps: boolean;
}

const PRESETS = ["identity", "rotation", "similar", "opposite", "custom"] as const;
const flat = (m: { data: ArrayLike<number> }) => Array.from(m.data);
const similar = weightPresets.similar;
const weights = (fallback: readonly number[], name: string) =>
  numbersField({
    fallback,
    min: -10,
    max: 10,
    minLength: 4,
    maxLength: 4,
    doc: `${name} [2, 2], row by row`,
  });

export const attentionCodec = defineCodec<AttentionShared>({
  name: "attention",
  version: 1,
  fields: {
    text: sentenceField("the cat sat on the mat because it was tired"),
    moved: movedField,
    preset: choiceField({
      values: PRESETS,
      fallback: "similar",
      doc: "the named W_Q, W_K, W_V (custom when edited)",
    }),
    wq: weights(flat(similar.wq), "W_Q"),
    wk: weights(flat(similar.wk), "W_K"),
    wv: weights(flat(similar.wv), "W_V"),
    causal: flagField({ fallback: false, doc: "each token attends only to itself and earlier tokens" }),
    temp: numberField({ fallback: 1, min: 0.01, max: 100, doc: "softmax temperature τ" }),
    norm: choiceField({
      values: ["rows", "columns", "all"] as const,
      fallback: "rows",
      doc: "what one softmax normalises",
    }),
    scale: flagField({ fallback: true, doc: "divide the scores by √d_k" }),
    masked: numbersField({
      fallback: [],
      min: 0,
      max: TOKEN_LIMIT - 1,
      integer: true,
      maxLength: TOKEN_LIMIT,
      doc: "indices of tokens hidden as keys",
    }),
    row: numberField({
      fallback: 0,
      min: -1,
      max: TOKEN_LIMIT - 1,
      integer: true,
      doc: "highlighted query row (-1: none)",
    }),
    arrows: namesField({
      values: ["q", "k", "v"] as const,
      fallback: [],
      maxLength: 3,
      doc: "q, k, v arrows drawn",
    }),
    steps: flagField({ fallback: false, doc: "the step-by-step controls are open" }),
  },
  check(state) {
    const { tokens, moved, messages } = checkSentence(state.text, state.moved);
    const masked = [...new Set(state.masked.map((i) => i + 0))]
      .filter((i) => i < tokens.length)
      .sort((a, b) => a - b);
    if (masked.length !== state.masked.length || masked.some((i, k) => i !== state.masked[k]))
      messages.push("Kept only the hidden keys that name a token, each once, in order.");
    let row = state.row + 0;
    if (row >= tokens.length) {
      messages.push(`The highlighted row ${row} is past the last token; highlighting the first.`);
      row = tokens.length > 0 ? 0 : -1;
    }
    if (tokens.length === 0) row = -1;
    // Arrows are a set: written in q, k, v order, each once.
    const arrows = (["q", "k", "v"] as const).filter((role) => state.arrows.includes(role));
    return { state: { ...state, moved, masked, row, arrows }, messages };
  },
});

/** The shareable part of an explorer's store (`steps` is the widget's, passed in). */
export function attentionShared(s: AttentionState, steps: boolean): AttentionShared {
  return {
    text: s.text,
    moved: movedTriples(s.tokens, s.moved),
    preset: s.preset,
    wq: flat(s.wq),
    wk: flat(s.wk),
    wv: flat(s.wv),
    causal: s.causal,
    temp: s.temperature,
    norm: s.normalisation,
    scale: s.scale,
    masked: s.maskedKeys.flatMap((m, i) => (m ? [i] : [])),
    row: s.selectedRow ?? -1,
    arrows: (["q", "k", "v"] as const).filter((role) => s.arrows[role]),
    steps,
  };
}
