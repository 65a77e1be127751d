import type { AttentionParams, AttentionResult } from "../../core/attention";
import type { Engine, Timed } from "../../engine";
import { useAttentionStoreApi } from "../../state/attentionContext";
import type { AttentionActions, AttentionState } from "../../state/attentionStore";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";

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

const compute: StoreCompute<AttentionState & AttentionActions, AttentionParams, Timed<AttentionResult>> = {
  job: paramsOf,
  run: (engine, params) => engine.attention(params),
  inputsChanged,
  land(result, params, state) {
    // A job started before the reader edited the text no longer lines up with the labels.
    if (result.weights.rows !== state.tokens.length) return;
    // Nor does one started before a toggle: its matrices would sit under the new setting's
    // labels. A newer job is always on its way in that case, so nothing is lost.
    if (!sameToggles(params, state)) return;
    state.setResult(result, result.ms);
  },
  fail: (message, state) => state.setComputeError(message),
};

/**
 * Keeps the store's `result` computed from its inputs. Changes only submit the newest inputs
 * (latest wins, one job in flight), so a fast drag never queues stale work; the dragged point
 * itself is drawn by the plane at once, and the matrices follow when their job lands.
 */
export function useAttentionCompute(engine: Engine): void {
  useStoreCompute(useAttentionStoreApi(), engine, compute);
}
