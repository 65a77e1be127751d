import { tokenize } from "../../core/tokens";
import { type MovedPoints, TOKEN_LIMIT, type TokenFields, tokenFields } from "../tokenPoints";
import { movedMap } from "./tokenShare";

/** The token fields a token-dragging store starts with, and the drags they were laid out with. */
export interface TokenStart extends TokenFields {
  moved: MovedPoints;
}

/**
 * A token store's starting sentence and drags: from a link's `text` and `moved` triples (already
 * checked by its codec), or from a prop's text with no drags.
 */
export function tokenStart(text: string, moved: readonly number[] = []): TokenStart {
  const drags = movedMap(tokenize(text, TOKEN_LIMIT).tokens, moved);
  return { ...tokenFields(text, drags), moved: drags };
}
