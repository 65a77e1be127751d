import { useEffect } from "react";
import { createLatestWins, type Engine } from "../../engine";
import { useTwoHeadsStoreApi } from "./twoHeadsContext";
import { headParams, type TwoHeadsState } from "./twoHeadsStore";

const inputsChanged = (a: TwoHeadsState, b: TwoHeadsState) => a.points !== b.points || a.heads !== b.heads;

/**
 * Keeps both heads' results computed by the engine from the shared tokens: one latest-wins job
 * computes both heads, so the two weight matrices on screen always come from the same points.
 */
export function useTwoHeadsCompute(engine: Engine): void {
  const store = useTwoHeadsStoreApi();
  useEffect(() => {
    const latest = createLatestWins(
      async (state: TwoHeadsState) => {
        const [first, second] = await Promise.all([
          engine.attention(headParams(state, 0)),
          engine.attention(headParams(state, 1)),
        ]);
        return { results: [first, second] as const, ms: first.ms + second.ms, heads: state.heads };
      },
      ({ results, ms, heads }) => {
        const now = store.getState();
        // Results for another token count, or for presets since changed, would be mislabelled.
        if (results[0].weights.rows !== now.tokens.length || heads !== now.heads) return;
        now.setResults(results, ms);
      },
      (error) => store.getState().setComputeError(error instanceof Error ? error.message : String(error)),
    );
    const submit = (state: TwoHeadsState) => {
      if (state.tokens.length > 0) latest.submit(state);
    };
    submit(store.getState());
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (inputsChanged(state, previous)) submit(state);
    });
    const unsubscribeEngine = engine.subscribe(() => submit(store.getState()));
    return () => {
      unsubscribeStore();
      unsubscribeEngine();
      latest.dispose();
    };
  }, [engine, store]);
}
