// Runs in the benchmark's Chromium page (bench.html): training steps per second for one Part III
// experiment on one backend, in the Web Worker the essay uses (or on the page's thread, to show
// why the worker), with the page's longest main-thread task and largest frame gap meanwhile.
// Built only for `npm run bench`.
import type { ExperimentId, TrainingEvent } from "../../../src/core/training";
import { type BackendName, createTrainingDriver } from "../../../src/engine";

interface TrainingBenchOptions {
  experiment: ExperimentId;
  backend: BackendName;
  /** Seconds of training measured, after the first steps (shader compilation, warm-up). */
  seconds: number;
  /** Train on the page's thread instead of the worker. */
  inline?: boolean;
}

/**
 * Trains `experiment` from scratch (seed 1) to its last step in the worker and returns the
 * evaluation losses the finished run reports: what a reader who presses Train ends with.
 */
async function runFullTraining({ experiment, backend }: { experiment: ExperimentId; backend: BackendName }) {
  const driver = createTrainingDriver(experiment, { forced: backend });
  const started = performance.now();
  try {
    return await new Promise((resolve, reject) => {
      let info: unknown = null;
      let trainingFrom = 0;
      driver.subscribe((event: TrainingEvent<unknown>) => {
        if (event.type === "ready") info = event.backend;
        else if (event.type === "checkpoint" || event.type === "checkpointFailed") {
          trainingFrom = performance.now();
          driver.reset(1);
          driver.run();
        } else if (event.type === "finished")
          resolve({
            experiment,
            backend: info,
            steps: event.step,
            metrics: event.metrics,
            trainingSeconds: Math.round((performance.now() - trainingFrom) / 100) / 10,
            totalSeconds: Math.round((performance.now() - started) / 100) / 10,
          });
        else if (event.type === "error") reject(new Error(event.message));
      });
      driver.start();
    });
  } finally {
    driver.dispose();
  }
}

/** Long tasks (> 50 ms) and requestAnimationFrame gaps on this page while `run` runs. */
async function watchMainThread<T>(run: () => Promise<T>) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask", buffered: false });
  let frameGap = 0;
  let last = performance.now();
  let watching = true;
  const frame = (now: number) => {
    frameGap = Math.max(frameGap, now - last);
    last = now;
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    const result = await run();
    return { result, longTasks, frameGap };
  } finally {
    watching = false;
    observer.disconnect();
  }
}

async function runTrainingBench({ experiment, backend, seconds, inline = false }: TrainingBenchOptions) {
  const driver = createTrainingDriver(experiment, { forced: backend, inline });
  let step = 0;
  let totalSteps = 0;
  let info: { name: string; adapter: string; reason: string } | null = null;
  let failure: string | null = null;
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  driver.subscribe((event: TrainingEvent<unknown>) => {
    if (event.type === "ready") {
      info = event.backend;
      totalSteps = event.totalSteps;
    } else if (event.type === "progress") step = event.step;
    else if (event.type === "error") failure = event.message;
    else if (event.type === "checkpoint" || event.type === "checkpointFailed" || event.type === "reset")
      step = 0;
    wake();
  });
  const until = async (done: () => boolean, timeoutMs: number, what: string) => {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      if (failure) throw new Error(failure);
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  };
  try {
    driver.start();
    await until(() => info !== null, 120_000, "the trainer to start");
    driver.reset(1);
    driver.run();
    // Warm-up: the first steps compile shaders and fill caches.
    await until(() => step >= 2, 180_000, "the first steps");
    const measured = await watchMainThread(async () => {
      const fromStep = step;
      const from = performance.now();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return { steps: step - fromStep, ms: performance.now() - from };
    });
    driver.pause();
    const { steps, ms } = measured.result;
    return {
      experiment,
      requested: backend,
      backend: info,
      thread: inline ? "page" : "worker",
      totalSteps,
      stepsMeasured: steps,
      stepsPerSecond: Math.round((steps / ms) * 100_000) / 100,
      secondsForFullRun: steps > 0 ? Math.round(totalSteps / (steps / ms) / 1000) : null,
      longestMainThreadTaskMs: Math.round(Math.max(0, ...measured.longTasks)),
      longTasks: measured.longTasks.length,
      longestFrameGapMs: Math.round(measured.frameGap),
    };
  } finally {
    driver.dispose();
  }
}

Object.assign(window, { runTrainingBench, runFullTraining });
