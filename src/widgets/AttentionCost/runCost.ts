import type { BackendName, Engine } from "../../engine";
import { type CostStore, costPlan, SLOW_UPDATE_MS } from "../../state/largeAttentionCostStore";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One benchmark run: for each backend the engine can start, n = 16 … its cap, one
 * `measureAttention` at a time (a backend's series stops after an update over SLOW_UPDATE_MS).
 * Stop (or a new run) changes the store's run id; the loop sees it after the measurement in
 * flight and ends, and that measurement's answer is dropped.
 */
export async function runCost(engine: Engine, store: CostStore): Promise<void> {
  const { d } = store.getState();
  // The run owns an id from the click on, so Stop during the start-up also ends it.
  const runId = store.getState().begin([]);
  let backends: BackendName[];
  try {
    backends = await engine.available();
  } catch (error) {
    store.getState().fail(runId, "engine", messageOf(error));
    store.getState().finish(runId);
    return;
  }
  if (store.getState().runId !== runId || !store.getState().running) return;
  const plan = costPlan(backends, engine.limits());
  const id = store.getState().begin(plan);
  const live = () => store.getState().running && store.getState().runId === id;
  for (const { backend, ns } of plan) {
    for (const n of ns) {
      if (!live()) return;
      store.getState().measuring(id, backend, n);
      try {
        const sample = await engine.measureAttention(backend as BackendName, { n, dModel: d, dK: d });
        store.getState().record(id, { backend, n, d, ms: sample.ms });
        if (sample.ms > SLOW_UPDATE_MS) {
          store.getState().slow(id, backend, n);
          break;
        }
      } catch (error) {
        store.getState().fail(id, backend, messageOf(error));
        break;
      }
    }
  }
  store.getState().finish(id);
}
