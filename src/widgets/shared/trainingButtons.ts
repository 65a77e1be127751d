import type { TrainingState, TrainingStatus } from "../../state/trainingTypes";

/** Which of the training buttons can act now. */
export interface ButtonStates {
  train: boolean;
  pause: boolean;
  resume: boolean;
  reset: boolean;
  /** Show the pretrained checkpoint again (after a run trained here). */
  checkpoint: boolean;
}

/** What the buttons depend on: the store's status and source, and whether anything is trained or drawn. */
export interface ButtonInputs {
  status: TrainingStatus;
  source: TrainingState<unknown, unknown, unknown>["source"];
  step: number;
  /** The trainer has started (its backend is known): until then no command can act. */
  ready: boolean;
  /** Parameters are drawn (a checkpoint, a fresh initialisation or a run). */
  hasSnapshot: boolean;
}

const settled: readonly TrainingStatus[] = ["idle", "finished", "error"];

/** Fresh parameters, never trained: what Reset would show anyway. */
export const isFresh = ({ status, source, step, hasSnapshot }: ButtonInputs) =>
  source === "none" && step === 0 && status === "idle" && hasSnapshot;

/**
 * The buttons' enabled states: nothing before the trainer is ready; Pause only while training;
 * Resume only when paused; Train from scratch whenever no run is under way (after a failed
 * checkpoint too: training from scratch must stay possible); Reset whenever it would change what
 * is shown; the pretrained checkpoint whenever something else is shown and nothing runs.
 */
export function buttonStates(inputs: ButtonInputs): ButtonStates {
  const { status, source, ready } = inputs;
  return {
    train: ready && settled.includes(status),
    pause: status === "training",
    resume: status === "paused",
    reset: ready && status !== "loading" && !isFresh(inputs),
    checkpoint: ready && source !== "checkpoint" && settled.includes(status),
  };
}
