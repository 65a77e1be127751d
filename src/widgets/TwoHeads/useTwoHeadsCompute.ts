import type { AttentionResult } from "../../core/attention";
import type { Engine, Timed } from "../../engine";
import { type StoreCompute, useStoreCompute } from "../shared/useStoreCompute";
import { useTwoHeadsStoreApi } from "./twoHeadsContext";
import { headParams, type TwoHeadsActions, type TwoHeadsState } from "./twoHeadsStore";

interface TwoHeadsJob {
  results: readonly [Timed<AttentionResult>, Timed<AttentionResult>];
  ms: number;
}

const inputsChanged = (a: TwoHeadsState, b: TwoHeadsState) => a.points !== b.points || a.heads !== b.heads;

const compute: StoreCompute<TwoHeadsState & TwoHeadsActions, TwoHeadsState, TwoHeadsJob> = {
  job: (state) => state,
  async run(engine, state) {
    const [first, second] = await Promise.all([
      engine.attention(headParams(state, 0)),
      engine.attention(headParams(state, 1)),
    ]);
    return { results: [first, second] as const, ms: first.ms + second.ms };
  },
  inputsChanged,
  land({ results, ms }, job, now) {
    // Results for another token count, or for presets since changed, would be mislabelled.
    if (results[0].weights.rows !== now.tokens.length || job.heads !== now.heads) return;
    now.setResults(results, ms);
  },
  fail: (message, state) => state.setComputeError(message),
};

/**
 * Keeps both heads' results computed by the engine from the shared tokens: one latest-wins job
 * computes both heads, so the two weight matrices on screen always come from the same points.
 */
export function useTwoHeadsCompute(engine: Engine): void {
  useStoreCompute(useTwoHeadsStoreApi(), engine, compute);
}
