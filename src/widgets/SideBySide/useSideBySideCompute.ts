import { useEffect } from "react";
import type { AttentionParams, AttentionResult } from "../../core/attention";
import type { Matrix } from "../../core/matrix";
import type { MlpParams, MlpResult } from "../../core/mlp";
import { createLatestWins, type Engine, type Timed } from "../../engine";
import { useSideBySideStoreApi } from "../../state/sideBySideContext";
import type { SideBySideState } from "../../state/sideBySideStore";

/** A result with the points it was computed from, so the store knows whether it is current. */
type Landed<R> = { result: Timed<R>; input: Matrix };

/**
 * Keeps both models computed from the one set of tokens, through the engine: one latest-wins
 * runner per model, so a fast drag never queues stale work for either, and each model's result
 * lands as soon as it is ready. The frozen mixing matrix needs only V, which attention returns.
 */
export function useSideBySideCompute(engine: Engine): void {
  const store = useSideBySideStoreApi();

  useEffect(() => {
    const reportError = (error: unknown) =>
      store.getState().setComputeError(error instanceof Error ? error.message : String(error));
    const attentionRunner = createLatestWins(
      async (p: AttentionParams): Promise<Landed<AttentionResult>> => ({
        result: await engine.attention(p),
        input: p.x,
      }),
      ({ result, input }) => store.getState().setAttentionResult(result, input, result.ms),
      reportError,
    );
    const mlpRunner = createLatestWins(
      async (p: MlpParams): Promise<Landed<MlpResult>> => ({ result: await engine.mlp(p), input: p.x }),
      ({ result, input }) => store.getState().setMlpResult(result, input, result.ms),
      reportError,
    );
    const submit = (s: SideBySideState) => {
      if (s.tokens.length === 0) return;
      attentionRunner.submit({ x: s.points, wq: s.wq, wk: s.wk, wv: s.wv });
      mlpRunner.submit({ x: s.points, a: s.a, b: s.b, activation: s.activation });
    };
    submit(store.getState());
    // Only the points change here: both models' parameters are fixed for the widget's lifetime.
    const unsubscribeStore = store.subscribe((s, previous) => {
      if (s.points !== previous.points) submit(s);
    });
    // A new backend (a switch, or a fallback after device loss) recomputes what is on screen.
    const unsubscribeEngine = engine.subscribe(() => submit(store.getState()));
    return () => {
      unsubscribeStore();
      unsubscribeEngine();
      attentionRunner.dispose();
      mlpRunner.dispose();
    };
  }, [engine, store]);
}
