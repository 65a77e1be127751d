import { PLANE_LIMIT, TOKEN_LIMIT } from "../tokenPoints";
import { type Field, numbersField, textField } from "./fields";

/**
 * The shareable fields every token-dragging widget has: the reader's sentence and the tokens
 * they dragged. `moved` lists `index, x, y` for each dragged token (in token order), so an
 * undragged sentence adds nothing to the link.
 */

/** A sentence longer than this is not kept in a link (the widgets show at most 64 tokens). */
export const SHARED_TEXT_LIMIT = 2000;

export function sentenceField(fallback: string): Field<string> {
  return textField({ fallback, maxLength: SHARED_TEXT_LIMIT, doc: "the sentence; each word is a token" });
}

export const movedField: Field<readonly number[]> = numbersField({
  fallback: [],
  min: -Math.max(PLANE_LIMIT, TOKEN_LIMIT),
  max: Math.max(PLANE_LIMIT, TOKEN_LIMIT),
  maxLength: 3 * TOKEN_LIMIT,
  group: 3,
  doc: `dragged tokens as index,x,y triples (index from 0; x and y within ±${PLANE_LIMIT})`,
});

const movedKey = (index: number, token: string) => `${index}\u0000${token}`;

/** The `moved` triples for the drags that apply to `tokens` now. */
export function movedTriples(
  tokens: readonly string[],
  moved: ReadonlyMap<string, readonly [number, number]>,
): number[] {
  const triples: number[] = [];
  tokens.forEach((token, i) => {
    const xy = moved.get(movedKey(i, token));
    if (xy) triples.push(i, xy[0], xy[1]);
  });
  return triples;
}

/** The drag map for `tokens` from `moved` triples (call after `checkMoved`). */
export function movedMap(
  tokens: readonly string[],
  triples: readonly number[],
): Map<string, readonly [number, number]> {
  const map = new Map<string, readonly [number, number]>();
  for (let t = 0; t + 2 < triples.length; t += 3) {
    const index = triples[t] as number;
    map.set(movedKey(index, tokens[index] as string), [triples[t + 1] as number, triples[t + 2] as number]);
  }
  return map;
}

/**
 * Keeps the triples that name a token of `tokens` once, in order, within the plane; returns a
 * message for what it dropped.
 */
export function checkMoved(
  tokens: readonly string[],
  triples: readonly number[],
): { moved: number[]; message?: string } {
  const kept: number[] = [];
  let dropped = 0;
  let previous = -1;
  for (let t = 0; t + 2 < triples.length; t += 3) {
    const [index, x, y] = [triples[t], triples[t + 1], triples[t + 2]] as [number, number, number];
    const valid =
      Number.isInteger(index) &&
      index > previous &&
      index < tokens.length &&
      Math.abs(x) <= PLANE_LIMIT &&
      Math.abs(y) <= PLANE_LIMIT;
    if (valid) {
      kept.push(index + 0, x, y); // + 0 turns an index of -0 into 0
      previous = index;
    } else dropped++;
  }
  if (dropped === 0) return { moved: kept };
  return {
    moved: kept,
    message: `Ignored ${dropped} dragged position${dropped === 1 ? "" : "s"} in "moved": each must be index,x,y with an index of a token (in increasing order) and x, y within ±${PLANE_LIMIT}.`,
  };
}
