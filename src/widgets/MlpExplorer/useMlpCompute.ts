import { useEffect } from "react";
import type { MlpParams, MlpResult } from "../../core/mlp";
import { createLatestWins, type Engine, type Timed } from "../../engine";
import { useMlpStoreApi } from "../../state/mlpContext";
import type { MlpState } from "../../state/mlpStore";

const paramsOf = (s: MlpState): MlpParams => ({ x: s.points, a: s.a, b: s.b, activation: s.activation });

const inputsChanged = (next: MlpState, previous: MlpState) =>
  next.points !== previous.points ||
  next.a !== previous.a ||
  next.b !== previous.b ||
  next.activation !== previous.activation;

/**
 * Keeps the store's `result` computed from its inputs through the engine, latest wins: one job
 * in flight, only the newest input waits, so a fast drag never queues stale work.
 */
export function useMlpCompute(engine: Engine): void {
  const store = useMlpStoreApi();

  useEffect(() => {
    const latest = createLatestWins(
      async (params: MlpParams): Promise<{ result: Timed<MlpResult>; params: MlpParams }> => ({
        result: await engine.mlp(params),
        params,
      }),
      ({ result, params }) => {
        const state = store.getState();
        // A job started before the reader edited the text or switched σ belongs to other inputs;
        // landing it would also make it the baseline the counters compare against.
        if (result.hidden.rows !== state.tokens.length || params.activation !== state.activation) return;
        state.setResult(result, result.ms);
      },
      (error) => store.getState().setComputeError(error instanceof Error ? error.message : String(error)),
    );
    const submit = (state: MlpState) => {
      if (state.tokens.length > 0) latest.submit(paramsOf(state));
    };
    submit(store.getState());
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (inputsChanged(state, previous)) submit(state);
    });
    // A new backend (a switch, or a fallback after device loss) recomputes what is on screen.
    const unsubscribeEngine = engine.subscribe(() => submit(store.getState()));
    return () => {
      unsubscribeStore();
      unsubscribeEngine();
      latest.dispose();
    };
  }, [engine, store]);
}
