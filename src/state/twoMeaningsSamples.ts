import { embedTokens, knownWords, spreadDuplicates } from "../core/embedding";
import type { Matrix } from "../core/matrix";
import { createRng } from "../core/rng";

/** One random input of the "two meanings" figure: a sentence of n words and its embeddings. */
export interface SampledInput {
  tokens: string[];
  /** `X [n, 2]`, the built-in embeddings of the words (repeats nudged apart). */
  points: Matrix;
}

/** Words with a built-in position, punctuation left out: it sits at the origin and scores ~0. */
const VOCABULARY = knownWords.filter((word) => /\p{L}/u.test(word));

/**
 * K random sentences of n words each, drawn uniformly from the built-in vocabulary with a seeded
 * RNG: the same (seed, count, n) always gives the same inputs, and input k does not depend on
 * `count`, so moving the K slider adds or removes inputs at the end without reshuffling the rest.
 */
export function sampleInputs(seed: number, count: number, n: number): SampledInput[] {
  const inputs: SampledInput[] = [];
  for (let k = 0; k < count; k++) {
    // One stream per input, so input k is the same whatever K is.
    const rng = createRng((seed >>> 0) * 1009 + k);
    const tokens = Array.from({ length: n }, () => VOCABULARY[Math.floor(rng.next() * VOCABULARY.length)]);
    inputs.push({ tokens, points: spreadDuplicates(embedTokens(tokens), tokens) });
  }
  return inputs;
}
