import type { ExperimentId, Metrics, ModelId } from "../../core/training";
import type { TrainingState, TrainingStatus } from "../../state/trainingTypes";

/** What every Part III figure publishes as `element.value` (each adds its own readouts). */
export interface TrainingFigureValue {
  experiment: ExperimentId;
  status: TrainingStatus;
  source: "checkpoint" | "live" | "none";
  step: number;
  totalSteps: number;
  seed: number;
  /** Points on the loss curve. */
  historyLength: number;
  /** The newest point's loss per model, or null before the first. */
  latestLosses: Partial<Record<ModelId, number>> | null;
  metrics: Metrics | null;
  /** The backend the trainer runs on ("wasm", …), or null before it is ready. */
  backend: string | null;
  parameterCounts: Partial<Record<ModelId, number>>;
  message: string | null;
}

export function trainingFigureValue<S, Q, R>(s: TrainingState<S, Q, R>): TrainingFigureValue {
  const last = s.history[s.history.length - 1];
  return {
    experiment: s.experiment,
    status: s.status,
    source: s.source,
    step: s.step,
    totalSteps: s.totalSteps,
    seed: s.seed,
    historyLength: s.history.length,
    latestLosses: last ? { ...last.losses } : null,
    metrics: s.metrics ? { ...s.metrics } : null,
    backend: s.backend?.name ?? null,
    parameterCounts: { ...s.parameterCounts },
    message: s.message,
  };
}

/** The figure shows something new: a snapshot, a status, new curve points or a message. */
export function trainingChanged<S, Q, R>(s: TrainingState<S, Q, R>, p: TrainingState<S, Q, R>): boolean {
  return (
    s.snapshot !== p.snapshot ||
    s.status !== p.status ||
    s.source !== p.source ||
    s.history !== p.history ||
    s.message !== p.message ||
    s.backend !== p.backend
  );
}

/** A legend label with the model's parameter count once the trainer has said it. */
export function withParameterCount(name: string, count: number | undefined): string {
  return count === undefined ? name : `${name} (${count.toLocaleString("en-US")} parameters)`;
}
