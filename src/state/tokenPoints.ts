import { embedTokens, spreadDuplicates } from "../core/embedding";
import { type Matrix, matrix } from "../core/matrix";
import { tokenize } from "../core/tokens";

/** The most tokens an essay widget takes; beyond it the first ones are kept and the reader is told. */
export const TOKEN_LIMIT = 64;
/** Embedding coordinates are clamped to ±PLANE_LIMIT so a point can always be dragged back. */
export const PLANE_LIMIT = 3;

/** A message shown inline under the text box; never an exception. */
export interface InlineMessage {
  kind: "hint" | "warning";
  text: string;
}

/** Dragged positions keyed by `index + "\u0000" + token`, so editing the text keeps earlier drags. */
export type MovedPoints = ReadonlyMap<string, readonly [number, number]>;

/** The token fields every token-dragging widget store holds, derived from the typed text. */
export interface TokenFields {
  /** Exactly what the reader typed: never trimmed or truncated, so nothing they wrote is lost. */
  text: string;
  /** The first TOKEN_LIMIT tokens of `text`. */
  tokens: string[];
  /** How many tokens `text` holds before truncation. */
  totalTokens: number;
  message: InlineMessage | null;
  /** Token embeddings X [n, 2]: the built-in layout, with the reader's drags applied. */
  points: Matrix;
}

const movedKey = (index: number, token: string) => `${index}\u0000${token}`;

export const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value));

function messageFor(total: number): InlineMessage | null {
  if (total === 0)
    return { kind: "hint", text: "Type a sentence above: each word becomes a token you can drag." };
  if (total > TOKEN_LIMIT) {
    return {
      kind: "warning",
      text: `Your text has ${total} tokens; this figure shows the first ${TOKEN_LIMIT}. Your full text is kept in the box.`,
    };
  }
  return null;
}

/** X [n, 2]: each token's built-in embedding (repeats nudged apart), then the reader's drags. */
export function layoutPoints(tokens: readonly string[], moved: MovedPoints): Matrix {
  const base = spreadDuplicates(embedTokens(tokens), tokens);
  const points = matrix(base.rows, 2, base.data);
  tokens.forEach((token, i) => {
    const xy = moved.get(movedKey(i, token));
    if (xy) points.data.set(xy, i * 2);
  });
  return points;
}

/** The token fields for `text`, keeping the drags in `moved` that still name a token. */
export function tokenFields(text: string, moved: MovedPoints): TokenFields {
  const { tokens, total } = tokenize(text, TOKEN_LIMIT);
  return {
    text,
    tokens,
    totalTokens: total,
    message: messageFor(total),
    points: layoutPoints(tokens, moved),
  };
}

/**
 * The drags after moving token `index` to `xy` (clamped to ±PLANE_LIMIT), or null when the
 * index or coordinates are invalid, in which case nothing should change.
 */
export function withMovedPoint(
  tokens: readonly string[],
  moved: MovedPoints,
  index: number,
  [x, y]: readonly [number, number],
): { moved: MovedPoints; points: Matrix } | null {
  if (index < 0 || index >= tokens.length || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  const next = new Map(moved);
  next.set(movedKey(index, tokens[index]), [clamp(x, PLANE_LIMIT), clamp(y, PLANE_LIMIT)]);
  return { moved: next, points: layoutPoints(tokens, next) };
}
