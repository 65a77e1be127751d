import { useEffect } from "react";
import type { Matrix } from "../../core/matrix";
import { createLatestWins, type Engine } from "../../engine";
import { useTwoMeaningsStoreApi } from "../../state/twoMeaningsContext";
import type { SampledInput } from "../../state/twoMeaningsSamples";
import type { TwoMeaningsResult, TwoMeaningsState } from "../../state/twoMeaningsStore";

interface Batch {
  inputs: readonly SampledInput[];
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

const batchOf = (s: TwoMeaningsState): Batch => ({ inputs: s.inputs, wq: s.wq, wk: s.wk, wv: s.wv });

/**
 * Runs attention on every input with the same W_Q, W_K, W_V through the engine, latest wins:
 * moving the K slider or changing the seed quickly never queues stale batches. The K calls of a
 * batch go out together so their GPU round trips overlap.
 */
async function runBatch(engine: Engine, batch: Batch): Promise<{ result: TwoMeaningsResult; ms: number }> {
  const started = performance.now();
  const outcomes = await Promise.all(
    batch.inputs.map((input) => {
      // Recorded exactly as handed to the engine: the figure's "same for every input" check reads these.
      const parameters = [batch.wq, batch.wk, batch.wv] as const;
      return engine
        .attention({ x: input.points, wq: parameters[0], wk: parameters[1], wv: parameters[2] })
        .then((computed) => ({ weights: computed.weights, parameters }));
    }),
  );
  return {
    result: {
      inputs: batch.inputs,
      parameters: outcomes.map((o) => o.parameters),
      weights: outcomes.map((o) => o.weights),
    },
    ms: performance.now() - started,
  };
}

/** Keeps the store's result computed from its inputs and parameters. */
export function useTwoMeaningsCompute(engine: Engine): void {
  const store = useTwoMeaningsStoreApi();

  useEffect(() => {
    const latest = createLatestWins(
      (batch: Batch) => runBatch(engine, batch),
      ({ result, ms }) => {
        const state = store.getState();
        // A batch for inputs or parameters no longer on screen would mislabel the figure.
        const params = result.parameters[0];
        if (result.inputs !== state.inputs || params[0] !== state.wq || params[1] !== state.wk) return;
        state.setResult(result, ms);
      },
      (error) => store.getState().setComputeError(error instanceof Error ? error.message : String(error)),
    );
    latest.submit(batchOf(store.getState()));
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (
        state.inputs !== previous.inputs ||
        state.wq !== previous.wq ||
        state.wk !== previous.wk ||
        state.wv !== previous.wv
      ) {
        latest.submit(batchOf(state));
      }
    });
    const unsubscribeEngine = engine.subscribe(() => latest.submit(batchOf(store.getState())));
    return () => {
      unsubscribeStore();
      unsubscribeEngine();
      latest.dispose();
    };
  }, [engine, store]);
}
