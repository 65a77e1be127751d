/**
 * Runs work at once while updates are sparse, and once after a burst of rapid updates settles.
 *
 * The heatmap's accessible text (an aria-label and a <title> for every cell, 4096 of each at
 * n = 64) costs more than its colours; during a drag nobody can read it anyway. So colours are
 * written every frame and the text through this scheduler:
 *
 *   update, update (gaps ≥ gapMs) ─► text written immediately, every time
 *   update ×3 within gapMs each   ─► burst: text deferred, rewritten settleMs after the last one
 */
export interface BurstScheduler {
  run(work: () => void): void;
  /** Runs deferred work now, if any. */
  flush(): void;
  cancel(): void;
}

export interface BurstOptions {
  /** Updates closer than this count as one burst. */
  gapMs?: number;
  /** How many rapid updates in a row start deferring. */
  burstLength?: number;
  /** Deferred work runs this long after the last update of a burst. */
  settleMs?: number;
}

export function createBurstScheduler({
  gapMs = 100,
  burstLength = 3,
  settleMs = 150,
}: BurstOptions = {}): BurstScheduler {
  let last = Number.NEGATIVE_INFINITY;
  let streak = 0;
  let pending: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  const flush = () => {
    const work = pending;
    cancel();
    work?.();
  };
  return {
    run(work) {
      const now = performance.now();
      streak = now - last < gapMs ? streak + 1 : 1;
      last = now;
      if (streak < burstLength) {
        cancel();
        work();
        return;
      }
      pending = work;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    },
    flush,
    cancel,
  };
}
