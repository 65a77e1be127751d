import { type PresetName, presetNames } from "../../core/presets";
import { type MovedPoints, TOKEN_LIMIT } from "../tokenPoints";
import { defineCodec } from "./codec";
import { choiceField, numberField } from "./fields";
import { checkSentence } from "./sentenceCheck";
import { movedField, movedTriples, sentenceField } from "./tokenShare";

/** Everything a link to the two-heads figure restores. */
export interface TwoHeadsShared {
  text: string;
  moved: readonly number[];
  /** The projection presets of head 1 and head 2. */
  head1: PresetName;
  head2: PresetName;
  /** The query whose mixing both planes draw; -1 for none. */
  row: number;
}

/**
 * What the figure's store holds that a link restores (the store lives beside its widget, which
 * this layer may not import, so the shape is spelled out here).
 */
export interface TwoHeadsShareable {
  text: string;
  tokens: readonly string[];
  moved: MovedPoints;
  heads: readonly [{ preset: PresetName }, { preset: PresetName }];
  selectedRow: number | null;
}

const head = (fallback: PresetName, which: string) =>
  choiceField({ values: presetNames, fallback, doc: `${which}'s W_Q, W_K, W_V preset` });

export const twoHeadsCodec = defineCodec<TwoHeadsShared>({
  name: "two-heads",
  version: 1,
  fields: {
    text: sentenceField("the cat sat on the mat"),
    moved: movedField,
    head1: head("similar", "head 1"),
    head2: head("rotation", "head 2"),
    row: numberField({
      fallback: 0,
      min: -1,
      max: TOKEN_LIMIT - 1,
      integer: true,
      doc: "the query whose mixing both planes draw (-1: none)",
    }),
  },
  check(state) {
    const { tokens, moved, messages } = checkSentence(state.text, state.moved);
    let row = state.row;
    if (tokens.length === 0) row = -1;
    else if (row >= tokens.length) {
      messages.push(
        `Ignored row=${row}: the sentence has ${tokens.length} tokens (rows 0 to ${tokens.length - 1}); selecting the first.`,
      );
      row = 0;
    }
    return { state: { ...state, moved, row }, messages };
  },
});

/** The shareable part of a two-heads store. */
export function twoHeadsShared(s: TwoHeadsShareable): TwoHeadsShared {
  return {
    text: s.text,
    moved: movedTriples(s.tokens, s.moved),
    head1: s.heads[0].preset,
    head2: s.heads[1].preset,
    row: s.selectedRow ?? -1,
  };
}
