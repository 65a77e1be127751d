import type { TrainingDriver, TrainingEvent } from "../../state/trainingTypes";

/**
 * A driver that makes the real one on its first command. A figure that never starts (far down the
 * page, or the render React's StrictMode throws away) then costs no worker and no tfjs, and
 * disposing it before it started frees nothing because nothing was made.
 *
 * Listeners subscribed before the real driver exists are kept and hear every event it sends.
 */
export function lazyDriver<S, Q, R>(create: () => TrainingDriver<S, Q, R>): TrainingDriver<S, Q, R> {
  const listeners = new Set<(event: TrainingEvent<S>) => void>();
  let driver: TrainingDriver<S, Q, R> | null = null;
  let disposed = false;

  const real = (): TrainingDriver<S, Q, R> | null => {
    if (disposed) return null;
    if (!driver) {
      driver = create();
      driver.subscribe((event) => {
        for (const listener of listeners) listener(event);
      });
    }
    return driver;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => real()?.start(),
    run: () => real()?.run(),
    pause: () => real()?.pause(),
    reset: (seed) => real()?.reset(seed),
    loadCheckpoint: () => real()?.loadCheckpoint(),
    setRate: (stepsPerSecond) => real()?.setRate(stepsPerSecond),
    setBackend: (name) => real()?.setBackend(name),
    probe(request) {
      const target = real();
      return target ? target.probe(request) : Promise.reject(new Error("the trainer has been stopped"));
    },
    dispose() {
      disposed = true;
      listeners.clear();
      driver?.dispose();
    },
  };
}
