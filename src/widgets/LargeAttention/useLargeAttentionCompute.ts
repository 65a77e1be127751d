import { useEffect } from "react";
import { BACKEND_LABEL, type BackendInfo, type Engine } from "../../engine";
import { useLargeAttentionStoreApi } from "../../state/largeAttentionContext";
import {
  type LargeAttentionActions,
  type LargeAttentionJob,
  type LargeAttentionOutcome,
  type LargeAttentionState,
  largeAttentionInputsChanged,
  largeAttentionJob,
  limitMessage,
} from "../../state/largeAttentionStore";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";

type State = LargeAttentionState & LargeAttentionActions;

const compute: StoreCompute<State, LargeAttentionJob, LargeAttentionOutcome> = {
  job: largeAttentionJob,
  async run(engine, job) {
    const result = await engine.largeAttention({
      attention: { x: job.x, wq: job.head.wq, wk: job.head.wk, wv: job.head.wv, causal: job.causal },
      view: job.view,
      row: job.row,
    });
    return {
      job,
      scores: result.scores,
      weights: result.weights,
      scoreRange: result.scoreRange,
      rowWeights: result.rowWeights,
      bytesRead: result.bytesRead,
      backend: result.backend,
      reason: result.reason,
      ms: result.ms,
    };
  },
  inputsChanged: largeAttentionInputsChanged,
  // Every result is a good picture of its own job, drawn with its own view and n: keep it even if
  // the state moved on (the newer job is already on its way).
  land: (result, _job, state) => state.setResult(result),
  fail: (message, state) => state.setComputeError(message),
  // Past a forced backend's cap nothing is sent; the last picture stays and the message says why.
  ready: (state) => limitMessage(state) === null,
};

/**
 * Keeps the pooled matrices computed, latest wins: while a slow job (n = 4096) runs, a drag only
 * replaces the one waiting input, so the centres move every frame and the matrices follow when
 * their job lands. Also follows the engine's forced backend, whose cap on n the store enforces.
 */
export function useLargeAttentionCompute(engine: Engine): void {
  const store = useLargeAttentionStoreApi();
  useEffect(() => {
    const apply = (info: BackendInfo | null) =>
      store
        .getState()
        .setCap(info?.forced ? { backend: BACKEND_LABEL[info.name], n: engine.limits()[info.name] } : null);
    apply(engine.info());
    return engine.subscribe(apply);
  }, [engine, store]);
  useStoreCompute(store, engine, compute);
}
