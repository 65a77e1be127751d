import { GLYPH_PIXELS, type GlyphName, glyphNames } from "../../core/glyphs";
import {
  ATTENTION_BETA,
  BETA_MAX,
  BETA_MIN,
  DEFAULT_STORED,
  HOPFIELD_DEFAULTS,
  type HopfieldMemoryState,
  MAX_CORRUPTION,
  MAX_STEPS,
  randomFlips,
} from "../hopfieldMemoryStore";
import { defineCodec } from "./codec";
import { seedField } from "./commonFields";
import { choiceField, namesField, numberField, numbersField } from "./fields";

/** Everything a link to the Hopfield memory restores; the trajectory is recomputed from it. */
export interface HopfieldMemoryShared {
  /** The glyphs written into the memory, in the order of X's columns. */
  stored: readonly GlyphName[];
  /** The stored glyph the query starts from. */
  start: GlyphName;
  /** Indices of the query's flipped pixels (0 … 48, increasing). */
  flipped: readonly number[];
  /** How many pixels "Corrupt" flips, and the seed that picks them. */
  corruption: number;
  seed: number;
  /** Inverse temperature β. */
  beta: number;
  /** The update step on screen (0 shows the query). */
  step: number;
}

const indices = (flags: readonly boolean[]) => flags.flatMap((flag, j) => (flag ? [j] : []));
const DEFAULT_START: GlyphName = "H";

export const hopfieldMemoryCodec = defineCodec<HopfieldMemoryShared>({
  name: "hopfield-memory",
  version: 1,
  fields: {
    stored: namesField({
      values: glyphNames,
      fallback: DEFAULT_STORED,
      minLength: 2,
      maxLength: glyphNames.length,
      doc: "the stored glyphs, in order",
    }),
    start: choiceField({
      values: glyphNames,
      fallback: DEFAULT_START,
      doc: "the stored glyph the query starts from",
    }),
    flipped: numbersField({
      fallback: indices(randomFlips(HOPFIELD_DEFAULTS.seed, HOPFIELD_DEFAULTS.corruption)),
      min: 0,
      max: GLYPH_PIXELS - 1,
      integer: true,
      maxLength: GLYPH_PIXELS,
      doc: "the query's flipped pixels (row by row, from 0)",
    }),
    corruption: numberField({
      fallback: HOPFIELD_DEFAULTS.corruption,
      min: 0,
      max: MAX_CORRUPTION,
      integer: true,
      doc: "how many pixels Corrupt flips",
    }),
    seed: seedField(HOPFIELD_DEFAULTS.seed, "seed of the corrupted pixels"),
    beta: numberField({
      fallback: ATTENTION_BETA,
      min: BETA_MIN,
      max: BETA_MAX,
      doc: "inverse temperature β",
    }),
    step: numberField({ fallback: 0, min: 0, max: MAX_STEPS, integer: true, doc: "the update step shown" }),
  },
  check(state) {
    const messages: string[] = [];
    let stored = [...new Set(state.stored)];
    if (stored.length < state.stored.length)
      messages.push("Each glyph is stored once; repeats were left out.");
    if (stored.length < 2) {
      stored = [...DEFAULT_STORED];
      messages.push(`A memory needs two different glyphs; storing ${DEFAULT_STORED.join(", ")} instead.`);
    }
    let start = state.start;
    if (!stored.includes(start)) {
      start = stored.includes(DEFAULT_START) ? DEFAULT_START : (stored[0] as GlyphName);
      messages.push(`The query starts from ${start}: ${state.start} is not a stored glyph.`);
    }
    const flipped = [...new Set(state.flipped)].sort((a, b) => a - b);
    if (flipped.length < state.flipped.length || flipped.some((j, k) => j !== state.flipped[k]))
      messages.push("Kept each flipped pixel once, in increasing order.");
    return { state: { ...state, stored, start, flipped }, messages };
  },
});

/** The shareable part of a Hopfield memory's store. */
export function hopfieldMemoryShared(s: HopfieldMemoryState): HopfieldMemoryShared {
  return {
    stored: [...s.stored],
    start: s.start,
    flipped: indices(s.flips),
    corruption: s.corruption,
    seed: s.seed,
    beta: s.beta,
    step: s.shownSteps,
  };
}
