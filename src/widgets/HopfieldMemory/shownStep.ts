import { row } from "../../core/matrix";
import type { HopfieldMemoryState } from "../../state/hopfieldMemoryStore";

/**
 * What the figure shows at the step on screen. It draws the newest landed trajectory even while
 * a newer one computes (a β drag would otherwise blink), and marks that as pending.
 */
export interface ShownStep {
  step: number;
  /** ξ_t, 49 numbers; the query itself at step 0. Null until a trajectory has landed. */
  state: number[] | null;
  /** The softmax weights over the stored glyphs that produced ξ_t; null at step 0. */
  weights: number[] | null;
  /** E(ξ_0) … E(ξ_t). */
  energies: number[] | null;
  pending: boolean;
}

/** The parts of the state the shown step depends on. */
export type ShownInputs = Pick<HopfieldMemoryState, "result" | "shownSteps" | "query" | "beta" | "patterns">;

/** Picks the shown step's inputs by reference, for `useShallow`. */
export const shownInputs = (s: ShownInputs): ShownInputs => ({
  result: s.result,
  shownSteps: s.shownSteps,
  query: s.query,
  beta: s.beta,
  patterns: s.patterns,
});

export function shownStep(s: ShownInputs): ShownStep {
  const t = s.shownSteps;
  const r = s.result;
  const pending = !r || r.query !== s.query || r.beta !== s.beta || r.patterns !== s.patterns;
  if (t === 0) {
    return {
      step: 0,
      state: row(s.query, 0),
      weights: null,
      energies: r ? [r.energies.data[0]] : null,
      pending,
    };
  }
  if (!r) return { step: t, state: null, weights: null, energies: null, pending };
  return {
    step: t,
    state: row(r.states[t - 1], 0),
    weights: row(r.weights[t - 1], 0),
    energies: Array.from(r.energies.data.subarray(0, t + 1)),
    pending,
  };
}
