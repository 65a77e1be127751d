import type { InductionTaskOptions } from "../../core/inductionTasks";
import { tokenName } from "../../core/inductionTasks";
import type { ModelId } from "../../core/training";

/** The sequences the induction experiment trains on: 16 tokens, a segment of 8 shown twice, a prefix of up to 8 (T = 24). */
export const INDUCTION_TASK: InductionTaskOptions = { vocab: 16, segment: 8, maxPrefix: 8 };

/** The two models, in the order the figure lists them, with the number of layers each has. */
export const INDUCTION_MODELS: readonly { id: ModelId; name: string; layers: number }[] = [
  { id: "twoLayer", name: "2-layer", layers: 2 },
  { id: "oneLayer", name: "1-layer", layers: 1 },
];

/** ln V: the loss of guessing every one of the V tokens with probability 1/V. */
export function uniformGuessLoss(vocab: number): number {
  return Math.log(vocab);
}

const SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉";

/** A token at a position as an axis label: "c₃" is token c at position 3 (counting from 1). */
export function positionedToken(id: number, position: number): string {
  const index = String(position + 1).replace(/[0-9]/g, (digit) => SUBSCRIPT[Number(digit)]);
  return `${tokenName(id)}${index}`;
}
