import { useEffect, useRef } from "react";
import type { StoreApi } from "zustand";
import { createLatestWins, type Engine } from "../../engine";

export interface StoreCompute<S extends object, J, R> {
  /** The job for the current state: the inputs the engine needs (kept with the result). */
  job(state: S): J;
  /** Runs one job on the engine. */
  run(engine: Engine, job: J): Promise<R>;
  /** True when the store changed in a way that needs a new result. */
  inputsChanged(state: S, previous: S): boolean;
  /** Stores a result, or drops it when it no longer fits the state (a newer job is then on its way). */
  land(result: R, job: J, state: S): void;
  /** Says that a job failed; the figure keeps its previous result. */
  fail(message: string, state: S): void;
  /** False when there is nothing to compute (default: a state with `tokens` needs at least one). */
  ready?(state: S): boolean;
}

function hasInput(state: object): boolean {
  const tokens = (state as { tokens?: unknown }).tokens;
  return !Array.isArray(tokens) || tokens.length > 0;
}

/**
 * Keeps a widget's results computed from its store through the engine, latest wins: one job in
 * flight, only the newest input waits, so a fast drag never queues stale work. Nothing is computed
 * for an empty sentence (or whatever `ready` rejects); a new backend (a switch, or a fallback after device loss) recomputes
 * what is on screen.
 */
export function useStoreCompute<S extends object, J, R>(
  store: StoreApi<S>,
  engine: Engine,
  compute: StoreCompute<S, J, R>,
): void {
  const spec = useRef(compute);
  spec.current = compute;

  useEffect(() => {
    const latest = createLatestWins(
      async (job: J) => ({ job, result: await spec.current.run(engine, job) }),
      ({ job, result }) => spec.current.land(result, job, store.getState()),
      (error) => spec.current.fail(error instanceof Error ? error.message : String(error), store.getState()),
    );
    const submit = (state: S) => {
      const ready = spec.current.ready ? spec.current.ready(state) : hasInput(state);
      if (ready) latest.submit(spec.current.job(state));
    };
    submit(store.getState());
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (spec.current.inputsChanged(state, previous)) submit(state);
    });
    const unsubscribeEngine = engine.subscribe(() => submit(store.getState()));
    return () => {
      unsubscribeStore();
      unsubscribeEngine();
      latest.dispose();
    };
  }, [engine, store]);
}
