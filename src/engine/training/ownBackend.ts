import { BACKEND_LABEL } from "../backendParam";
import { switchNow } from "../backends";
import type { BackendName, Tf } from "../types";
import type { Trainer } from "./types";

/**
 * The trainer, with tfjs made to run on `name` before each of its calls. On the page's thread
 * (the inline driver) tfjs and its current backend are shared with the page's engine, which
 * switches to its own backend before each of its updates; the trainer does the same, so neither
 * computes on the other's backend nor drags its variables across. In a worker it changes nothing.
 * Each call starts its tf work before its first await, so nothing can switch in between.
 */
export function onOwnBackend<S, Q, R>(
  tf: Tf,
  name: BackendName,
  trainer: Trainer<S, Q, R>,
): Trainer<S, Q, R> {
  const own = () => {
    if (!switchNow(tf, name)) {
      throw new Error(`${BACKEND_LABEL[name]} is no longer available (its device was lost or released)`);
    }
  };
  const onOwn =
    <A extends unknown[], T>(call: (...args: A) => T) =>
    (...args: A): T => {
      own();
      return call(...args);
    };
  const onOwnAsync =
    <A extends unknown[], T>(call: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      own();
      return call(...args);
    };
  return {
    experiment: trainer.experiment,
    get config() {
      return trainer.config;
    },
    step: () => trainer.step(),
    train: onOwnAsync(() => trainer.train()),
    snapshot: onOwnAsync(() => trainer.snapshot()),
    evaluate: onOwnAsync(() => trainer.evaluate()),
    probe: onOwnAsync((request: Q) => trainer.probe(request)),
    reset: onOwn((seed?: number) => trainer.reset(seed)),
    load: onOwn((checkpoint: Parameters<Trainer["load"]>[0]) => trainer.load(checkpoint)),
    exportCheckpoint: onOwnAsync((...args: Parameters<Trainer["exportCheckpoint"]>) =>
      trainer.exportCheckpoint(...args),
    ),
    exportState: onOwnAsync(() => trainer.exportState()),
    restore: onOwn((state: Parameters<Trainer["restore"]>[0]) => trainer.restore(state)),
    parameterCounts: () => trainer.parameterCounts(),
    // Freeing variables works from any backend.
    dispose: () => trainer.dispose(),
  };
}
