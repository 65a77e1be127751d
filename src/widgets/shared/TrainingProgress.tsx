import { useEffect, useId, useState } from "react";
import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import type { TrainingState } from "../../state/trainingTypes";
import { type NamedModel, progressText } from "./trainingFormat";

type State = TrainingState<unknown, unknown, unknown>;
type Shown = Pick<State, "status" | "source" | "step" | "totalSteps" | "seed" | "checkpointSeed"> & {
  hasSnapshot: boolean;
};

/** What the curves and maps show, in a sentence. */
export function sourceText({ status, source, step, seed, checkpointSeed, hasSnapshot }: Shown): string {
  if (source === "checkpoint") {
    const trained = checkpointSeed === null ? `${step} steps` : `${step} steps, seed ${checkpointSeed}`;
    return `Showing the pretrained checkpoint (${trained}). Train to watch it learn from scratch.`;
  }
  if (status === "loading") return "Loading the trainer and the pretrained checkpoint…";
  if (source === "live" || status === "training" || status === "paused" || status === "finished") {
    return `Trained here, in your browser, from seed ${seed}.`;
  }
  if (hasSnapshot && step === 0)
    return `Fresh parameters from seed ${seed}: press Train to watch them learn.`;
  return "No pretrained checkpoint is shown: train from scratch to see the model learn.";
}

/** What the live region says when the status changes (never on every step). */
export function announcement({
  status,
  source,
  step,
  totalSteps,
}: Pick<State, "status" | "source" | "step" | "totalSteps">): string {
  switch (status) {
    case "loading":
      return "";
    case "idle":
      return source === "checkpoint"
        ? `Pretrained checkpoint shown, ${step} steps.`
        : "Ready to train from scratch.";
    case "training":
      return `Training from step ${step}.`;
    case "paused":
      return `Paused at step ${step} of ${totalSteps}.`;
    case "finished":
      return `Training finished: ${step} steps.`;
    case "error":
      return "Training stopped.";
  }
}

interface TrainingProgressProps<S, Q, R> {
  store: StoreApi<TrainingState<S, Q, R>>;
  models: readonly NamedModel[];
}

/**
 * The progress bar with its text ("step 412 / 2000 · loss 0.91 · about 18 s left"), the line
 * saying what is shown, the store's message, and a polite live region that announces status
 * changes only: a screen reader reading every step would say nothing else.
 */
export function TrainingProgress<S, Q, R>({ store, models }: TrainingProgressProps<S, Q, R>) {
  const step = useStore(store, (s) => s.step);
  const totalSteps = useStore(store, (s) => s.totalSteps);
  const history = useStore(store, (s) => s.history);
  const secondsLeft = useStore(store, (s) => s.secondsLeft);
  const status = useStore(store, (s) => s.status);
  const source = useStore(store, (s) => s.source);
  const seed = useStore(store, (s) => s.seed);
  const checkpointSeed = useStore(store, (s) => s.checkpointSeed);
  const message = useStore(store, (s) => s.message);
  const hasSnapshot = useStore(store, (s) => s.snapshot !== null);
  const textId = useId();
  const [said, setSaid] = useState(() => announcement(store.getState()));

  useEffect(() => {
    setSaid(announcement(store.getState()));
    return store.subscribe((state, previous) => {
      const settledStep =
        (state.status === "paused" || state.status === "finished") && state.step !== previous.step;
      if (state.status !== previous.status || state.source !== previous.source || settledStep) {
        setSaid(announcement(state));
      }
    });
  }, [store]);

  const max = Math.max(1, totalSteps);
  return (
    <div className="dw-training-progress">
      <div className="dw-training-bar">
        {/* Without a known length the bar is indeterminate rather than wrongly full. */}
        <progress
          max={max}
          value={totalSteps > 0 ? Math.min(step, max) : undefined}
          aria-label="Training progress"
          aria-describedby={textId}
        />
        <span id={textId} data-readout="progress">
          {progressText(step, totalSteps, history, models, status === "training" ? secondsLeft : null)}
        </span>
      </div>
      <p className="dw-training-source" data-readout="source">
        {sourceText({ status, source, step, totalSteps, seed, checkpointSeed, hasSnapshot })}
      </p>
      {message ? (
        <p className="dw-message dw-message-warning" role="alert">
          {message}
        </p>
      ) : null}
      <p className="dw-visually-hidden" aria-live="polite" data-readout="announcement">
        {said}
      </p>
    </div>
  );
}
