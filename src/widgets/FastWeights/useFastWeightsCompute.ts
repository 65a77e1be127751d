import type { LinearAttentionParams, LinearAttentionResult } from "../../core/fastWeights";
import type { Engine, Timed } from "../../engine";
import { useFastWeightsStoreApi } from "../../state/fastWeightsContext";
import type { FastWeightsActions, FastWeightsState } from "../../state/fastWeightsStore";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";

type State = FastWeightsState & FastWeightsActions;

const paramsOf = (s: FastWeightsState): LinearAttentionParams => ({
  q: s.q,
  k: s.k,
  v: s.v,
  featureMap: s.featureMap,
  normalise: s.normalise,
});

// The rule, β and the step change only the fast weight form (core, in the store): no new job.
const inputsChanged = (a: FastWeightsState, b: FastWeightsState) =>
  a.q !== b.q || a.k !== b.k || a.v !== b.v || a.featureMap !== b.featureMap || a.normalise !== b.normalise;

const compute: StoreCompute<State, LinearAttentionParams, Timed<LinearAttentionResult>> = {
  job: paramsOf,
  run: (engine, params) => engine.linearAttention(params),
  inputsChanged,
  land(result, params, state) {
    // `currentAttention` compares the params with the state, so a stale result is never shown.
    state.setResult({ params, attention: result }, result.ms);
  },
  fail: (message, state) => state.setComputeError(message),
  ready: (state) => state.tokens.length > 0,
};

/** Keeps causal linear attention (the attention form) computed by the engine, latest wins. */
export function useFastWeightsCompute(engine: Engine): void {
  useStoreCompute(useFastWeightsStoreApi(), engine, compute);
}
