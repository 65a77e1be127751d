import { createRng, type Rng } from "./rng";

/*
 * Repeated random sequences, the task on which Olsson et al. (2022) watch induction heads form:
 * a segment of distinct tokens appears twice, so from the second copy's first token on, every
 * next token can be read off the first copy ("find the earlier occurrence of this token, copy the
 * token after it"). No fixed table of token statistics can do that: the tokens are random.
 *
 *   position:  0 … p−1 | p … p+S−1 | p+S … p+2S−1 | p+2S … T−1
 *   tokens:    prefix  | segment   | segment again | filler
 *   firstMask:           1 … 1 0                         (next token fresh)
 *   repeatMask:                     1 … 1 0              (next token predictable)
 *
 * Prefix and segment are p + S distinct tokens; the filler is uniform. p varies per sequence so
 * that no head can find the repeat by absolute position; with `minSegment` < S the segment's length
 * S varies too, so the distance between the two copies is not fixed either and a single head
 * cannot copy "the token 7 places back": it has to find the earlier occurrence of the current
 * token. Every sequence has length T = maxPrefix + 2·segment (the longest segment).
 */

export interface InductionTaskOptions {
  /** Vocabulary size V (16). */
  vocab: number;
  /** Tokens shown twice (8). */
  segment: number;
  /** Longest random prefix before the segment (8); its length varies per sequence so that no head can find the repeat by position alone. */
  maxPrefix: number;
  /**
   * Shortest segment (default: `segment`, a fixed length). Below `segment`, each sequence's segment
   * length is uniform in minSegment … segment, so the gap between the copies varies.
   */
  minSegment?: number;
}

export interface InductionBatch {
  batch: number;
  length: number;
  vocab: number;
  /** [B, T] token ids. */
  tokens: Int32Array;
  /** [B, T]: the next token (targets[t] = tokens[t+1]); the last position repeats its own token (masked). */
  targets: Int32Array;
  /** [B, T]: 1 where the next token is a repeat an induction head can predict: positions p+segment … p+2·segment−2 (the second copy's tokens after its first). 0 elsewhere. */
  repeatMask: Float32Array;
  /** [B, T]: 1 on the first copy's positions p … p+segment−2 (next token is fresh, unpredictable), for a comparison curve. */
  firstMask: Float32Array;
  /** [B]: each sequence's prefix length p. */
  prefixLengths: Int32Array;
  /** [B]: each sequence's segment length S (all `segment` unless minSegment is set). */
  segmentLengths: Int32Array;
}

export const MAX_VOCAB = 1024;
export const MAX_INDUCTION_BATCH = 65536;
/** The seed of inductionProbe's sequence. */
export const PROBE_SEED = 2022;

const isWhole = (value: number, low: number, high: number) =>
  Number.isInteger(value) && value >= low && value <= high;

/** Throws a RangeError naming the bad option; needs 2 ≤ S, 0 ≤ maxPrefix and maxPrefix + S ≤ V. */
export function checkInductionTaskOptions(options: InductionTaskOptions): void {
  const { vocab, segment, maxPrefix } = options;
  if (!isWhole(vocab, 2, MAX_VOCAB)) {
    throw new RangeError(
      `induction tasks: vocabulary V must be a whole number from 2 to ${MAX_VOCAB}, got ${vocab}`,
    );
  }
  if (!isWhole(segment, 2, vocab)) {
    throw new RangeError(
      `induction tasks: segment S must be a whole number from 2 to V = ${vocab}, got ${segment}`,
    );
  }
  if (options.minSegment !== undefined && !isWhole(options.minSegment, 2, segment)) {
    throw new RangeError(
      `induction tasks: the shortest segment must be a whole number from 2 to S = ${segment}, got ${options.minSegment}`,
    );
  }
  if (!isWhole(maxPrefix, 0, vocab - segment)) {
    throw new RangeError(
      `induction tasks: the longest prefix must be a whole number from 0 to V − S = ${vocab - segment} ` +
        `(prefix and segment tokens are all distinct), got ${maxPrefix}`,
    );
  }
}

/** T = maxPrefix + 2·segment: every sequence has this length. */
export function inductionSequenceLength(options: InductionTaskOptions): number {
  checkInductionTaskOptions(options);
  return options.maxPrefix + 2 * options.segment;
}

function emptyBatch(batch: number, options: InductionTaskOptions): InductionBatch {
  const length = inductionSequenceLength(options);
  return {
    batch,
    length,
    vocab: options.vocab,
    tokens: new Int32Array(batch * length),
    targets: new Int32Array(batch * length),
    repeatMask: new Float32Array(batch * length),
    firstMask: new Float32Array(batch * length),
    prefixLengths: new Int32Array(batch),
    segmentLengths: new Int32Array(batch),
  };
}

/**
 * Writes sequence `b` of `out` with prefix length p. Rng calls: p + S uniforms for the distinct
 * tokens (a partial Fisher–Yates shuffle of 0 … V−1), then T − p − 2S uniforms for the filler.
 */
function writeSequence(rng: Rng, out: InductionBatch, b: number, p: number, segment: number, vocab: number) {
  const t = out.length;
  const row = b * t;
  const order = Array.from({ length: vocab }, (_, i) => i);
  for (let i = 0; i < p + segment; i++) {
    const j = i + Math.floor(rng.next() * (vocab - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let i = 0; i < p + segment; i++) out.tokens[row + i] = order[i];
  for (let k = 0; k < segment; k++) out.tokens[row + p + segment + k] = order[p + k];
  for (let i = p + 2 * segment; i < t; i++) out.tokens[row + i] = Math.floor(rng.next() * vocab);
  for (let i = 0; i < t; i++) out.targets[row + i] = out.tokens[row + Math.min(i + 1, t - 1)];
  for (let k = 0; k < segment - 1; k++) {
    out.firstMask[row + p + k] = 1;
    out.repeatMask[row + p + segment + k] = 1;
  }
  out.prefixLengths[b] = p;
  out.segmentLengths[b] = segment;
}

/**
 * Each sequence: prefix length p ~ U{0..maxPrefix}; p + segment DISTINCT tokens (prefix then segment;
 * requires maxPrefix + segment ≤ vocab), then the segment again, then uniform random filler to length T.
 * With minSegment < segment, the segment length S ~ U{minSegment..segment} per sequence.
 * Rng calls per sequence, in order: one uniform for p, one for S (only when minSegment < segment),
 * then those of the tokens (see writeSequence).
 */
export function sampleInductionBatch(rng: Rng, batch: number, options: InductionTaskOptions): InductionBatch {
  checkInductionTaskOptions(options);
  if (!isWhole(batch, 1, MAX_INDUCTION_BATCH)) {
    throw new RangeError(
      `induction tasks: batch B must be a whole number from 1 to ${MAX_INDUCTION_BATCH}, got ${batch}`,
    );
  }
  const out = emptyBatch(batch, options);
  for (let b = 0; b < batch; b++) {
    const p = Math.floor(rng.next() * (options.maxPrefix + 1));
    const shortest = options.minSegment ?? options.segment;
    const segment =
      shortest < options.segment
        ? shortest + Math.floor(rng.next() * (options.segment - shortest + 1))
        : shortest;
    writeSequence(rng, out, b, p, segment, options.vocab);
  }
  return out;
}

/**
 * One fixed, readable sequence for the figures' attention maps: a batch of 1 with the prefix half
 * the longest (so the repeat sits mid-sequence), its tokens drawn from createRng(PROBE_SEED).
 * The same options always give the same sequence.
 */
export function inductionProbe(options: InductionTaskOptions): InductionBatch {
  checkInductionTaskOptions(options);
  const out = emptyBatch(1, options);
  writeSequence(
    createRng(PROBE_SEED),
    out,
    0,
    Math.floor(options.maxPrefix / 2),
    options.segment,
    options.vocab,
  );
  return out;
}

// --- the reader's own sequences ---------------------------------------------------------------

/** The display name of a token id: 'a'…'z' for ids 0…25 (so 'a'…'p' when V = 16), else the id itself. */
export function tokenName(id: number): string {
  return Number.isInteger(id) && id >= 0 && id < 26 ? String.fromCharCode(97 + id) : String(id);
}

// One piece of typed text per match: a run of digits, a bare ASCII letter, separators, an emoji
// sequence (flags, skin tones, ZWJ families), or any other character with its combining marks.
const PIECE = new RegExp(
  [
    "(?<number>[0-9]+)",
    "(?<letter>[A-Za-z])(?!\\p{M})",
    "(?<separator>[\\s,;:.|/_\\-\\p{Cc}\\p{Cf}]+)",
    "\\p{RI}\\p{RI}",
    "\\p{Extended_Pictographic}[\\p{EMod}\\p{M}]*(?:\\u200D\\p{Extended_Pictographic}[\\p{EMod}\\p{M}]*)*",
    "\\S\\p{M}*",
  ].join("|"),
  "gu",
);
const MAX_NAMED = 6;
const MAX_NAME_LENGTH = 8;

function describeAlphabet(vocab: number): string {
  const lastLetter = tokenName(Math.min(vocab, 26) - 1);
  return `letters a–${lastLetter} or numbers 0–${vocab - 1}`;
}

function listDropped(dropped: Set<string>, extra: number): string {
  const names = [...dropped].map((piece) => {
    const chars = Array.from(piece);
    return `“${chars.length > MAX_NAME_LENGTH ? `${chars.slice(0, MAX_NAME_LENGTH).join("")}…` : piece}”`;
  });
  return names.join(", ") + (extra > 0 ? ` and ${extra} more` : "");
}

/**
 * Parses a reader's typed sequence: letters a..p (V = 16; upper case too) or numbers 0 … V−1,
 * separated by spaces, commas or nothing ("abcab", "a b c", "0 1 2"; a run of digits is one
 * number). Anything else (unknown letters, emoji, numbers ≥ V) is dropped and named in the
 * message; more than T = inductionSequenceLength tokens are cut to the first T. Never throws:
 * `message` is null when the text was read whole and has at least 2 tokens.
 */
export function parseTokenSequence(
  text: string,
  options: InductionTaskOptions,
): { tokens: number[]; message: string | null } {
  let limit: number;
  try {
    limit = inductionSequenceLength(options);
  } catch (error) {
    return { tokens: [], message: error instanceof Error ? error.message : String(error) };
  }
  const { vocab } = options;
  const source = typeof text === "string" ? text : "";
  const tokens: number[] = [];
  const dropped = new Set<string>();
  let moreDropped = 0;
  let typed = 0;
  const keep = (id: number) => {
    typed++;
    if (tokens.length < limit) tokens.push(id);
  };
  const drop = (piece: string) => {
    if (dropped.has(piece)) return;
    if (dropped.size < MAX_NAMED) dropped.add(piece);
    else moreDropped++;
  };
  for (const match of source.matchAll(PIECE)) {
    const { number, letter, separator } = match.groups ?? {};
    if (separator !== undefined) continue;
    if (letter !== undefined) {
      const id = letter.toLowerCase().charCodeAt(0) - 97;
      if (id < vocab) keep(id);
      else drop(letter);
    } else if (number !== undefined) {
      const digits = number.replace(/^0+(?=[0-9])/, "");
      const id = digits.length <= 6 ? Number(digits) : Number.POSITIVE_INFINITY;
      if (id < vocab) keep(id);
      else drop(number);
    } else {
      drop(match[0]);
    }
  }
  const notes: string[] = [];
  if (dropped.size > 0) {
    notes.push(`Left out ${listDropped(dropped, moreDropped)}: tokens are ${describeAlphabet(vocab)}.`);
  }
  if (typed > limit) notes.push(`Cut to the first ${limit} tokens (you typed ${typed}).`);
  if (tokens.length === 0 && dropped.size === 0) {
    const example = Array.from({ length: Math.min(vocab, 3) }, (_, id) => tokenName(id)).join(" ");
    notes.push(`Type a sequence of ${describeAlphabet(vocab)}, e.g. “${example} ${example}”.`);
  } else if (tokens.length < 2) {
    notes.push("Type at least 2 tokens.");
  }
  return { tokens, message: notes.length > 0 ? notes.join(" ") : null };
}
