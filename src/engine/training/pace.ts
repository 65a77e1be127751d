/*
 * Timing of the training loop: the reader's cap on steps per second, a wait that a pause cuts
 * short, and the measured rate shown on the progress bar.
 */

/** The reader's cap on steps per second, as the earliest time the next step may start. */
export interface Pace {
  /** At most `stepsPerSecond` steps a second from now on; null: no cap. */
  setRate(stepsPerSecond: number | null): void;
  /** Milliseconds until the next step may start at time `t` (0: now). */
  delayAt(t: number): number;
  /** A step started at `t`: the next may start 1/rate later (never earlier than `t`, so a stall is not made up in a burst). */
  started(t: number): void;
  /** Waits `ms`, or less if `interrupt` is called meanwhile (a pause, a new rate). */
  wait(ms: number): Promise<void>;
  interrupt(): void;
}

export function createPace(now: () => number): Pace {
  let rate: number | null = null;
  let nextStart = Number.NEGATIVE_INFINITY;
  let wake: (() => void) | null = null;
  const interrupt = () => wake?.();
  return {
    setRate(stepsPerSecond) {
      rate = stepsPerSecond;
      nextStart = now();
      interrupt();
    },
    delayAt(t) {
      return rate === null ? 0 : Math.max(0, nextStart - t);
    },
    started(t) {
      if (rate !== null) nextStart = Math.max(nextStart, t) + 1000 / rate;
    },
    wait(ms) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    },
    interrupt,
  };
}

/** How much history the meter averages over: long enough to be steady, short enough to follow a new rate. */
const WINDOW_MS = 2000;
const MAX_SAMPLES = 256;

/**
 * Steps per second over the last two seconds or so: (k − 1)/(t_k − t_1) over the completion times
 * t_1 … t_k kept (always at least the last two, so a slow cap such as 0.5 steps/s still reads).
 */
export interface StepMeter {
  record(t: number): void;
  perSecond(): number | null;
  clear(): void;
}

export function createStepMeter(): StepMeter {
  let times: number[] = [];
  return {
    record(t) {
      times.push(t);
      let drop = 0;
      while (times.length - drop > 2 && (t - times[drop] > WINDOW_MS || times.length - drop > MAX_SAMPLES))
        drop++;
      if (drop > 0) times = times.slice(drop);
    },
    perSecond() {
      if (times.length < 2) return null;
      const span = times[times.length - 1] - times[0];
      return span > 0 ? ((times.length - 1) * 1000) / span : null;
    },
    clear() {
      times = [];
    },
  };
}
