import { type Matrix, matrix } from "./matrix";

/**
 * A hand-made 2-D layout for common English words. Each group of related words sits at its own
 * angle around the origin, so dot products (what attention scores are made of) are large
 * within a group and small or negative across groups: "cat" looks like "dog", not like "the".
 * Punctuation sits near the origin, where every dot product is close to 0.
 */
const WORD_GROUPS: readonly { group: string; angleDeg: number; radius: number; words: readonly string[] }[] =
  [
    {
      group: "animals",
      angleDeg: 90,
      radius: 0.85,
      words: ["cat", "dog", "mouse", "bird", "fish", "horse", "cow", "lion"],
    },
    {
      group: "people",
      angleDeg: 125,
      radius: 0.8,
      words: ["man", "woman", "boy", "girl", "king", "queen", "child", "friend"],
    },
    {
      group: "pronouns",
      angleDeg: 160,
      radius: 0.7,
      words: ["i", "you", "he", "she", "it", "we", "they", "me", "him", "her"],
    },
    { group: "numbers", angleDeg: 200, radius: 0.8, words: ["one", "two", "three", "four", "five", "ten"] },
    {
      group: "function words",
      angleDeg: 245,
      radius: 0.6,
      words: ["the", "a", "an", "this", "that", "and", "or", "of", "to", "is", "was"],
    },
    {
      group: "places and prepositions",
      angleDeg: 290,
      radius: 0.7,
      words: ["on", "in", "under", "over", "at", "with", "from", "mat", "house", "tree"],
    },
    {
      group: "colours",
      angleDeg: 330,
      radius: 0.8,
      words: ["red", "blue", "green", "yellow", "black", "white"],
    },
    {
      group: "adjectives",
      angleDeg: 10,
      radius: 0.75,
      words: ["big", "small", "happy", "sad", "old", "new", "good", "bad", "lazy", "quick"],
    },
    {
      group: "verbs",
      angleDeg: 50,
      radius: 0.8,
      words: ["sat", "ran", "ate", "saw", "chased", "sleeps", "runs", "eats", "jumps", "likes", "sees"],
    },
    { group: "punctuation", angleDeg: 0, radius: 0, words: [".", ",", "!", "?", ";", ":"] },
  ];

// Neighbouring words in a group fan out by this many degrees and alternate in radius, so they
// are close but distinct points.
const FAN_DEG = 3.5;
const RADIUS_STEP = 0.08;

function buildLayout(): ReadonlyMap<string, readonly [number, number]> {
  const layout = new Map<string, readonly [number, number]>();
  for (const { angleDeg, radius, words } of WORD_GROUPS) {
    words.forEach((word, k) => {
      if (radius === 0) {
        // Punctuation: a small ring around the origin.
        const theta = (2 * Math.PI * k) / words.length;
        layout.set(word, [0.08 * Math.cos(theta), 0.08 * Math.sin(theta)]);
        return;
      }
      const theta = ((angleDeg + (k - (words.length - 1) / 2) * FAN_DEG) * Math.PI) / 180;
      const r = radius + (k % 2 === 0 ? RADIUS_STEP : -RADIUS_STEP);
      layout.set(word, [r * Math.cos(theta), r * Math.sin(theta)]);
    });
  }
  return layout;
}

/** Word → position, built once; read-only after construction. */
const LAYOUT = buildLayout();

/** The words with a built-in position (lower case), e.g. for a reader's "try these" hint. */
export const knownWords: readonly string[] = [...LAYOUT.keys()];

/** The named groups of the built-in layout, each with its words. */
export const wordGroups: readonly { group: string; words: readonly string[] }[] = WORD_GROUPS.map(
  ({ group, words }) => ({ group, words }),
);

/** FNV-1a, 32 bits, over the UTF-16 code units of `s`. */
function fnv1a(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The murmur3 finaliser: spreads FNV's bits so both 16-bit halves are well mixed. */
function avalanche(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A token's 2-D embedding, a point in [−1, 1]². Known words (case-insensitive) get their place
 * in the built-in layout; any other token gets a deterministic pseudo-random point in
 * [−0.9, 0.9]²: FNV-1a of the lower-cased token, mixed, its high 16 bits giving x and low 16 y.
 */
export function embedToken(token: string): [number, number] {
  const key = token.toLowerCase();
  const known = LAYOUT.get(key);
  if (known) return [known[0], known[1]];
  const h = avalanche(fnv1a(key));
  return [((h >>> 16) / 0xffff) * 1.8 - 0.9, ((h & 0xffff) / 0xffff) * 1.8 - 0.9];
}

/** Embeddings of a token sequence: `X [n, 2]`, row i = `embedToken(tokens[i])`. */
export function embedTokens(tokens: readonly string[]): Matrix {
  const x = matrix(tokens.length, 2);
  tokens.forEach((token, i) => {
    const [px, py] = embedToken(token);
    x.data[2 * i] = px;
    x.data[2 * i + 1] = py;
  });
  return x;
}

// The golden angle spaces successive repeats evenly around their original without overlap.
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const REPEAT_OFFSET = 0.05;

/**
 * Nudges repeated tokens apart so they are not drawn on top of each other. The k-th repeat
 * (k = 1, 2, …) of a token (case-insensitive) moves by `0.05·√k` at angle `k·golden angle`;
 * first occurrences do not move. Results are clamped to [−1, 1]². Deterministic.
 *
 * Shapes: `points [n, 2]`, `tokens` of length n → `[n, 2]`. Throws a RangeError otherwise.
 */
export function spreadDuplicates(points: Matrix, tokens: readonly string[]): Matrix {
  if (points.cols !== 2 || points.rows !== tokens.length) {
    throw new RangeError(
      `spreadDuplicates: expected points [${tokens.length}, 2], got [${points.rows}, ${points.cols}]`,
    );
  }
  const out = matrix(points.rows, 2, points.data);
  const seen = new Map<string, number>();
  tokens.forEach((token, i) => {
    const key = token.toLowerCase();
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    if (k === 0) return;
    const r = REPEAT_OFFSET * Math.sqrt(k);
    out.data[2 * i] = clamp(out.data[2 * i] + r * Math.cos(k * GOLDEN_ANGLE));
    out.data[2 * i + 1] = clamp(out.data[2 * i + 1] + r * Math.sin(k * GOLDEN_ANGLE));
  });
  return out;
}

function clamp(v: number): number {
  return Math.min(1, Math.max(-1, v));
}
