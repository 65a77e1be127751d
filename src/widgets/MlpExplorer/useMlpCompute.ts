import type { MlpParams, MlpResult } from "../../core/mlp";
import type { Engine, Timed } from "../../engine";
import { useMlpStoreApi } from "../../state/mlpContext";
import type { MlpActions, MlpState } from "../../state/mlpStore";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";

const paramsOf = (s: MlpState): MlpParams => ({ x: s.points, a: s.a, b: s.b, activation: s.activation });

const inputsChanged = (next: MlpState, previous: MlpState) =>
  next.points !== previous.points ||
  next.a !== previous.a ||
  next.b !== previous.b ||
  next.activation !== previous.activation;

const compute: StoreCompute<MlpState & MlpActions, MlpParams, Timed<MlpResult>> = {
  job: paramsOf,
  run: (engine, params) => engine.mlp(params),
  inputsChanged,
  land(result, params, state) {
    // A job started before the reader edited the text or switched σ belongs to other inputs;
    // landing it would also make it the baseline the counters compare against.
    if (result.hidden.rows !== state.tokens.length || params.activation !== state.activation) return;
    state.setResult(result, result.ms);
  },
  fail: (message, state) => state.setComputeError(message),
};

/**
 * Keeps the store's `result` computed from its inputs through the engine, latest wins: one job
 * in flight, only the newest input waits, so a fast drag never queues stale work.
 */
export function useMlpCompute(engine: Engine): void {
  useStoreCompute(useMlpStoreApi(), engine, compute);
}
