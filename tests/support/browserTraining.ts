import type { ExperimentId } from "../../src/core/training";
import type { BackendName } from "../../src/engine";
import { createWorkerDriver } from "../../src/engine/training/workerDriver";
import type { TrainingDriver } from "../../src/state/trainingTypes";
import type { TrainingDrivers } from "../../src/widgets/shared/TrainingDriverContext";

/**
 * Real worker drivers for widget browser tests, on a forced backend, with the committed
 * checkpoints. `config` shrinks the batches so a few dozen steps run within seconds; the
 * checkpoint's parameters still load (their shapes do not depend on the batch size).
 */
export function workerDrivers(
  forced: BackendName,
  config: { batchSize?: number; learningRate?: number; steps?: number } = {},
): TrainingDrivers & { created: TrainingDriver<unknown, unknown, unknown>[] } {
  const created: TrainingDriver<unknown, unknown, unknown>[] = [];
  return {
    forced,
    created,
    createDriver(experiment: ExperimentId) {
      const checkpointUrl = new URL(`/checkpoints/${experiment}.json`, window.location.href).href;
      const driver = createWorkerDriver<unknown, unknown, unknown>(experiment, {
        forced,
        checkpointUrl,
        config,
      });
      created.push(driver);
      return driver;
    },
  };
}

/** Resolves once `ready()` holds, polling every 50 ms; rejects with `what` after `ms`. */
export async function until(ready: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
