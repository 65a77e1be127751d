/** The result of splitting text into tokens. */
export interface Tokenized {
  /** The first `limit` tokens, in reading order. */
  tokens: string[];
  /** How many tokens the whole text has, before truncation. */
  total: number;
  /** True when `total > limit`, i.e. some tokens were dropped. */
  truncated: boolean;
}

// A segment made only of whitespace, control or invisible format characters (e.g. the
// right-to-left mark U+200F or a stray zero-width joiner) would be an invisible token: skip it.
const INVISIBLE = /^[\s\p{Cc}\p{Cf}]*$/u;

// Words (letters, digits, marks, connector punctuation; inner apostrophes and dots as in
// "don't" or "3.14"), emoji sequences (skin tones, variation selectors, ZWJ families, flags),
// and otherwise any single code point with its combining marks. `\S` under the `u` flag never
// splits a surrogate pair.
const FALLBACK_TOKEN = new RegExp(
  [
    "[\\p{L}\\p{N}\\p{Pc}][\\p{L}\\p{M}\\p{N}\\p{Pc}]*(?:['’.:][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\p{Pc}]*)*",
    "\\p{RI}\\p{RI}",
    "\\p{Extended_Pictographic}[\\p{EMod}\\p{M}]*(?:\\u200D\\p{Extended_Pictographic}[\\p{EMod}\\p{M}]*)*",
    "\\S\\p{M}*",
  ].join("|"),
  "gu",
);

type SegmentSource = (text: string) => Iterable<string>;

function* regexSegments(text: string): Iterable<string> {
  // A fresh RegExp per call: a shared global regex would carry `lastIndex` between calls.
  const pattern = new RegExp(FALLBACK_TOKEN.source, FALLBACK_TOKEN.flags);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) yield m[0];
}

// V8's Intl.Segmenter slows down quadratically on long strings (1 MB took minutes), so text
// is segmented in chunks of about this many UTF-16 units, each cut just after a whitespace.
const CHUNK = 256;
// How far past CHUNK to look for whitespace before cutting anyway (text with no spaces).
const CHUNK_SLACK = CHUNK;
const WHITESPACE = /\s/;
// Code points that belong to the previous character: combining marks, emoji modifiers, ZWJ.
const JOINS_PREVIOUS = /^[\p{M}\p{EMod}\u200D]/u;

/** Where the chunk starting at `start` should end: after a whitespace, or at a safe code point. */
function chunkEnd(text: string, start: number): number {
  const soft = start + CHUNK;
  if (soft >= text.length) return text.length;
  const hard = Math.min(text.length, soft + CHUNK_SLACK);
  // Tokens never span whitespace, so a cut right after one changes no token.
  for (let p = soft; p < hard; p++) {
    if (WHITESPACE.test(text[p]) && !cutSplitsCharacter(text, p + 1)) return p + 1;
  }
  if (hard === text.length) return hard;
  // No whitespace nearby: cut where no code point, mark or ZWJ sequence is split (a very long
  // run without spaces may then count as two tokens; only pathological input reaches here).
  let p = hard;
  while (p > soft && cutSplitsCharacter(text, p)) p--;
  return p;
}

/** True if cutting `text` before index p would split a surrogate pair, a mark or a ZWJ sequence. */
function cutSplitsCharacter(text: string, p: number): boolean {
  const unit = text.charCodeAt(p);
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
  return isLowSurrogate || text.charCodeAt(p - 1) === 0x200d || JOINS_PREVIOUS.test(text.slice(p, p + 2));
}

function segmenterSegments(segmenter: Intl.Segmenter): SegmentSource {
  return function* (text: string) {
    for (let start = 0; start < text.length; ) {
      const end = chunkEnd(text, start);
      for (const s of segmenter.segment(text.slice(start, end))) yield s.segment;
      start = end;
    }
  };
}

function collect(text: string, limit: number, source: SegmentSource): Tokenized {
  if (!(limit >= 0) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
    throw new RangeError(`tokenize: limit must be a non-negative integer, got ${limit}`);
  }
  const tokens: string[] = [];
  let total = 0;
  // Every token is counted, but only the first `limit` are kept, so a 1 MB paste stays cheap.
  for (const segment of source(text)) {
    if (INVISIBLE.test(segment)) continue;
    if (total < limit) tokens.push(segment);
    total++;
  }
  return { tokens, total, truncated: total > limit };
}

/**
 * Splits text into word-level tokens for the widgets: whitespace separates tokens, punctuation
 * becomes tokens of its own ("cat," → "cat", ","), and no code point, emoji or grapheme
 * cluster is ever split. Uses `Intl.Segmenter` (word granularity, Unicode UAX #29) where the
 * runtime has it, so right-to-left scripts and scripts without spaces segment sensibly;
 * otherwise a Unicode regex with the same intent. Empty or whitespace-only text gives no tokens.
 * Text is segmented in chunks (see `CHUNK`), so a run of more than ~500 characters with no
 * whitespace may come out as several tokens; no real word is that long.
 *
 * @param limit how many tokens to keep (the essay's widgets use 64); `total` still counts all.
 */
export function tokenize(text: string, limit = 64): Tokenized {
  const Segmenter = typeof Intl !== "undefined" ? Intl.Segmenter : undefined;
  if (typeof Segmenter !== "function") return tokenizeByRegex(text, limit);
  return collect(text, limit, segmenterSegments(new Segmenter("en", { granularity: "word" })));
}

/**
 * The regex fallback of {@link tokenize}, exported so it can be tested on runtimes that do
 * have `Intl.Segmenter`. Same contract; word boundaries may differ in rare scripts.
 */
export function tokenizeByRegex(text: string, limit = 64): Tokenized {
  return collect(text, limit, regexSegments);
}
