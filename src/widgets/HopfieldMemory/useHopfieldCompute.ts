import type { HopfieldResult } from "../../core/hopfield";
import type { Matrix } from "../../core/matrix";
import type { Engine, Timed } from "../../engine";
import { useHopfieldMemoryStoreApi } from "../../state/hopfieldMemoryContext";
import {
  type HopfieldMemoryActions,
  type HopfieldMemoryState,
  MAX_STEPS,
} from "../../state/hopfieldMemoryStore";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";

interface Job {
  patterns: Matrix;
  query: Matrix;
  beta: number;
}

type State = HopfieldMemoryState & HopfieldMemoryActions;

const compute: StoreCompute<State, Job, Timed<HopfieldResult>> = {
  job: (s) => ({ patterns: s.patterns, query: s.query, beta: s.beta }),
  // The whole trajectory at once: Step and Run then reveal steps with no GPU round trip each.
  run: (engine, job) =>
    engine.hopfield({ patterns: job.patterns, states: job.query, beta: job.beta, steps: MAX_STEPS }),
  inputsChanged: (s, p) => s.query !== p.query || s.beta !== p.beta || s.patterns !== p.patterns,
  ready: () => true,
  land(result, job, now) {
    // A trajectory for a query or β no longer on screen would mislabel the figure.
    if (job.query !== now.query || job.beta !== now.beta || job.patterns !== now.patterns) return;
    now.setResult(
      { ...job, states: result.states, weights: result.weights, energies: result.energies },
      result.ms,
    );
  },
  fail: (message, s) => s.setComputeError(message),
};

/** Keeps the trajectory from the current query at the current β computed by `engine.hopfield`. */
export function useHopfieldCompute(engine: Engine): void {
  useStoreCompute(useHopfieldMemoryStoreApi(), engine, compute);
}
