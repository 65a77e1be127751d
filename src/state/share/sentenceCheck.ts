import { tokenize } from "../../core/tokens";
import { TOKEN_LIMIT } from "../tokenPoints";
import { checkMoved } from "./tokenShare";

/** What a token widget's codec check starts from: the link's tokens, its valid drags, and why any were dropped. */
export interface CheckedSentence {
  tokens: string[];
  moved: number[];
  /** Messages so far (one for dropped drags, if any); the codec's own checks add theirs. */
  messages: string[];
}

/** The first step of every token widget's `check`: tokenise the link's sentence and keep its valid drags. */
export function checkSentence(text: string, moved: readonly number[]): CheckedSentence {
  const { tokens } = tokenize(text, TOKEN_LIMIT);
  const checked = checkMoved(tokens, moved);
  return { tokens, moved: checked.moved, messages: checked.message ? [checked.message] : [] };
}
