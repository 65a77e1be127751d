import { useEffect } from "react";
import type { AttentionParams } from "../../core/attention";
import { createLatestWins, type Engine } from "../../engine";
import { useAttentionStoreApi } from "../../state/attentionContext";
import type { AttentionState } from "../../state/attentionStore";

const paramsOf = (s: AttentionState): AttentionParams => ({
  x: s.points,
  wq: s.wq,
  wk: s.wk,
  wv: s.wv,
  causal: s.causal,
  temperature: s.temperature,
  normalisation: s.normalisation,
  scale: s.scale,
  maskedKeys: s.maskedKeys,
});

const inputsChanged = (a: AttentionState, b: AttentionState) =>
  a.points !== b.points ||
  a.wq !== b.wq ||
  a.wk !== b.wk ||
  a.wv !== b.wv ||
  a.causal !== b.causal ||
  a.temperature !== b.temperature ||
  a.normalisation !== b.normalisation ||
  a.scale !== b.scale ||
  a.maskedKeys !== b.maskedKeys;

/** The discrete settings (not drags or the temperature slider, whose in-between results are wanted). */
const sameToggles = (p: AttentionParams, s: AttentionState) =>
  p.causal === s.causal &&
  p.normalisation === s.normalisation &&
  p.scale === s.scale &&
  p.maskedKeys === s.maskedKeys;

/**
 * Keeps the store's `result` computed from its inputs. Changes only submit the newest inputs
 * (latest wins, one job in flight), so a fast drag never queues stale work; the dragged point
 * itself is drawn by the plane at once, and the matrices follow when their job lands.
 */
export function useAttentionCompute(engine: Engine): void {
  const store = useAttentionStoreApi();

  useEffect(() => {
    const latest = createLatestWins(
      async (params: AttentionParams) => ({ ...(await engine.attention(params)), params }),
      ({ params, ...result }) => {
        // A job started before the reader edited the text no longer lines up with the labels.
        if (result.weights.rows !== store.getState().tokens.length) return;
        // Nor does one started before a toggle: its matrices would sit under the new setting's
        // labels. A newer job is always on its way in that case, so nothing is lost.
        if (!sameToggles(params, store.getState())) return;
        store.getState().setResult(result, result.ms);
      },
      (error) => store.getState().setComputeError(error instanceof Error ? error.message : String(error)),
    );
    const submit = (state: AttentionState) => {
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
