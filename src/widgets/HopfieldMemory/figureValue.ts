import { glyphPixels } from "../../core/glyphs";
import { row } from "../../core/matrix";
import { type HopfieldMemoryState, MAX_STEPS } from "../../state/hopfieldMemoryStore";
import { describeRetrieval, type Retrieval } from "../../state/hopfieldReadout";
import { shownStep } from "./shownStep";

/** What a host page reads from the HopfieldMemory root element as `element.value`. */
export interface HopfieldMemoryFigureValue {
  stored: string[];
  start: string;
  /** Indices of the flipped query pixels. */
  flipped: number[];
  /** ξ_0, 49 values ±1. */
  query: number[];
  /** How many pixels "Corrupt" flips, and the seed that picks them. */
  corruption: number;
  seed: number;
  beta: number;
  step: number;
  maxSteps: number;
  /** ξ_t, the softmax weights that made it, and E(ξ_0) … E(ξ_t), as on screen. */
  state: number[] | null;
  weights: number[] | null;
  energies: number[] | null;
  retrieval: Retrieval | null;
  /** True while a trajectory for the current query and β is still computing. */
  pending: boolean;
  resultVersion: number;
}

export function figureValue(s: HopfieldMemoryState): HopfieldMemoryFigureValue {
  const shown = shownStep(s);
  return {
    stored: [...s.stored],
    start: s.start,
    flipped: s.flips.flatMap((f, j) => (f ? [j] : [])),
    query: row(s.query, 0),
    corruption: s.corruption,
    seed: s.seed,
    beta: s.beta,
    step: shown.step,
    maxSteps: MAX_STEPS,
    state: shown.state,
    weights: shown.weights,
    energies: shown.energies,
    retrieval: shown.state
      ? describeRetrieval(shown.weights, shown.state, s.stored, glyphPixels, s.start)
      : null,
    pending: shown.pending,
    resultVersion: s.resultVersion,
  };
}
