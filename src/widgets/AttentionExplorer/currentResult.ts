import type { AttentionResult } from "../../core/attention";
import type { AttentionState } from "../../state/attentionStore";

/**
 * The newest result if it belongs to the tokens on screen. While the reader edits the text the
 * previous result may be for another token count; showing it against new labels would mislead.
 */
export function currentResult(state: AttentionState): AttentionResult | null {
  const { result, tokens } = state;
  return result && result.weights.rows === tokens.length ? result : null;
}
