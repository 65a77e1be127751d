import { type PresetName, presetNames } from "../../core/presets";
import {
  DEFAULT_COUNT,
  DEFAULT_SEED,
  DEFAULT_TOKENS,
  MAX_INPUTS,
  MAX_TOKENS,
  MIN_INPUTS,
  MIN_TOKENS,
  type TwoMeaningsState,
} from "../twoMeaningsStore";
import { defineCodec } from "./codec";
import { seedField } from "./commonFields";
import { choiceField, numberField } from "./fields";

/**
 * Everything a link to the "two meanings" figure restores. The sentences are not in it: they are
 * drawn from (seed, inputs, tokens), so those three bring back the same inputs word for word.
 */
export interface TwoMeaningsShared {
  /** Seed of the sampling of the inputs. */
  seed: number;
  /** K, how many random inputs. */
  inputs: number;
  /** n, tokens per input. */
  tokens: number;
  /** The W_Q, W_K, W_V preset every input shares. */
  preset: PresetName;
}

export const twoMeaningsCodec = defineCodec<TwoMeaningsShared>({
  name: "two-meanings",
  version: 1,
  fields: {
    seed: seedField(DEFAULT_SEED, "seed of the random draw of the input sentences"),
    inputs: numberField({
      fallback: DEFAULT_COUNT,
      min: MIN_INPUTS,
      max: MAX_INPUTS,
      integer: true,
      doc: "K, how many random inputs",
    }),
    tokens: numberField({
      fallback: DEFAULT_TOKENS,
      min: MIN_TOKENS,
      max: MAX_TOKENS,
      integer: true,
      doc: "n, tokens per input",
    }),
    preset: choiceField({
      values: presetNames,
      fallback: "similar",
      doc: "the W_Q, W_K, W_V every input shares",
    }),
  },
});

/** The shareable part of a "two meanings" store. */
export function twoMeaningsShared(s: TwoMeaningsState): TwoMeaningsShared {
  return { seed: s.seed, inputs: s.count, tokens: s.tokensPerInput, preset: s.preset };
}
