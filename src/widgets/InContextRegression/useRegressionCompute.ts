import type { LsaResult } from "../../core/linearSelfAttention";
import type { Engine, Timed } from "../../engine";
import { useInContextRegressionStoreApi } from "../../state/inContextRegressionContext";
import {
  type InContextRegressionActions,
  type InContextRegressionState,
  jobOf,
  type RegressionJob,
} from "../../state/inContextRegressionStore";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";

type State = InContextRegressionState & InContextRegressionActions;
interface Computed {
  lsa: Timed<LsaResult>;
  backend: string | null;
}

const compute: StoreCompute<State, RegressionJob, Computed> = {
  job: jobOf,
  // All queries in one call: they are never keys, so they cannot see each other.
  run: async (engine, job) => ({
    lsa: await engine.lsa({
      context: job.context,
      queries: job.queries,
      layers: Array.from({ length: job.layers }, () => job.layer),
    }),
    backend: engine.info()?.name ?? null,
  }),
  inputsChanged: (a, b) =>
    a.context !== b.context || a.queries !== b.queries || a.eta !== b.eta || a.layers !== b.layers,
  land({ lsa, backend }, job, state) {
    // A result for the other mode or another d would not fit the chart or the table; the job for
    // the state on screen is already on its way.
    if (job.mode !== state.mode || job.queries.cols !== state.queries.cols) return;
    state.setResult(job, lsa, lsa.ms, backend);
  },
  fail: (message, state) => state.setComputeError(message),
  ready: () => true,
};

/**
 * Keeps the store's result computed: K constructed layers on the engine for the examples and
 * queries on screen, latest wins, so a drag never queues stale work. Gradient descent needs no
 * engine; the store recomputes it at once, and the attention layers' points follow when they land.
 */
export function useRegressionCompute(engine: Engine): void {
  useStoreCompute(useInContextRegressionStoreApi(), engine, compute);
}
