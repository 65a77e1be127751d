import type { HistoryPoint } from "../../core/training";
import { errorText } from "../backends";
import type { Pace, StepMeter } from "./pace";
import type { TrainingEvent } from "./protocol";
import type { Trainer } from "./types";

/** Work done between two yields: half a 60 Hz frame, so a main-thread loop leaves room to draw. */
export const SLICE_MS = 8;
/** Snapshots cost a readback each: at most this often while training. */
export const SNAPSHOT_EVERY_MS = 250;
/**
 * Progress events at most this often (about 30 a second): a fast backend finishes a slice every
 * 8 ms, and the page gains nothing from redrawing its curve more often than it can show.
 */
export const PROGRESS_EVERY_MS = 33;

export interface LoopContext<S> {
  trainer: Trainer<S, unknown, unknown>;
  /** False once a pause (or reset, reload, switch, dispose) has been received: no step starts after. */
  wanted(): boolean;
  emit(event: TrainingEvent<S>): void;
  pace: Pace;
  meter: StepMeter;
  /** Gives the thread back: one frame on the main thread, a macrotask in a worker. */
  yieldToThread(): Promise<void>;
  now(): number;
  sliceMs?: number;
  snapshotEveryMs?: number;
  progressEveryMs?: number;
}

/** Why a loop ended: stopped by a command, reached its steps, or a step failed (an error event was sent). */
export type LoopEnd = "stopped" | "finished" | "failed";

/*
 *   ┌─► slice: steps while ≤ 8 ms of work, each after its rate-limit wait
 *   │      ─► progress if the last is 33 ms old (points, steps/s, snapshot if 250 ms old)
 *   └───── yield the thread ◄─┘
 *   no longer wanted ─► progress with a snapshot ─► stopped
 *   step = total ─► evaluate ─► finished          a step throws (NaN, device lost) ─► error
 */
export async function trainInSlices<S>(ctx: LoopContext<S>): Promise<LoopEnd> {
  const { trainer, pace, meter, now } = ctx;
  const sliceMs = ctx.sliceMs ?? SLICE_MS;
  const snapshotEveryMs = ctx.snapshotEveryMs ?? SNAPSHOT_EVERY_MS;
  const progressEveryMs = ctx.progressEveryMs ?? PROGRESS_EVERY_MS;
  const total = trainer.config.steps;
  let points: HistoryPoint[] = [];
  let lastSnapshot = now();
  let lastProgress = Number.NEGATIVE_INFINITY;

  /** Sends the steps taken since the last progress event; with a snapshot when due or `forceSnapshot`. */
  const flush = async (forceSnapshot: boolean) => {
    if (points.length === 0) return;
    const due = forceSnapshot || now() - lastSnapshot >= snapshotEveryMs;
    const snapshot = due ? await trainer.snapshot() : undefined;
    if (due) lastSnapshot = now();
    const event: TrainingEvent<S> = {
      type: "progress",
      step: trainer.step(),
      points,
      stepsPerSecond: meter.perSecond(),
    };
    if (snapshot !== undefined) event.snapshot = snapshot;
    points = [];
    lastProgress = now();
    ctx.emit(event);
  };

  try {
    let sliceStart = now();
    while (trainer.step() < total) {
      if (!ctx.wanted()) {
        // The paused figure shows the parameters as they are now.
        await flush(true);
        return "stopped";
      }
      const t = now();
      const delay = pace.delayAt(t);
      if (delay > 0 || t - sliceStart >= sliceMs) {
        // Before a rate-limit wait the steps so far go out at once; between slices, ~30 times a second.
        if (delay > 0 || t - lastProgress >= progressEveryMs) await flush(false);
        if (delay > 0) await pace.wait(delay);
        else await ctx.yieldToThread();
        sliceStart = now();
        continue;
      }
      pace.started(t);
      const report = await trainer.train();
      meter.record(now());
      points.push({ step: report.step, losses: report.losses });
    }
    await flush(true);
    const metrics = await trainer.evaluate();
    const snapshot = await trainer.snapshot();
    ctx.emit({ type: "finished", step: trainer.step(), metrics, snapshot });
    return "finished";
  } catch (error) {
    // The steps that did finish still belong on the curve.
    if (points.length > 0) {
      ctx.emit({ type: "progress", step: trainer.step(), points, stepsPerSecond: meter.perSecond() });
    }
    // The trainer's own errors already say where training stopped; others (a lost device) get it added.
    const text = errorText(error);
    const message = /^Training stopped/.test(text)
      ? text
      : `Training stopped at step ${trainer.step()}: ${text}`;
    ctx.emit({ type: "error", message });
    return "failed";
  }
}
