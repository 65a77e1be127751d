import type { HistoryPoint, ModelId } from "../../core/training";

/** A model as the progress line and legends name it, e.g. { id: "lsa", name: "attention" }. */
export interface NamedModel {
  id: ModelId;
  name: string;
}

/** A loss to two decimals from 1 up, else two significant digits (0.91, 0.052); "not a number" for NaN. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return "not a number";
  return Math.abs(loss) >= 1 ? loss.toFixed(2) : String(Number(loss.toPrecision(2)));
}

/** "about 18 s left", "about 3 min left", "less than a second left"; null when unknown. */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 1) return "less than a second left";
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The newest loss of each model: "loss 0.91" for one model, "loss: attention 0.91, MLP 1.2" for more. */
export function formatLatestLosses(
  history: readonly HistoryPoint[],
  models: readonly NamedModel[],
): string | null {
  const last = history[history.length - 1];
  if (!last) return null;
  const parts = models.flatMap((m) => {
    const loss = last.losses[m.id];
    return loss === undefined ? [] : [{ name: m.name, loss }];
  });
  if (parts.length === 0) return null;
  if (models.length === 1) return `loss ${formatLoss(parts[0].loss)}`;
  return `loss: ${parts.map((p) => `${p.name} ${formatLoss(p.loss)}`).join(", ")}`;
}

/**
 * "step 412 / 2000 · loss 0.91 · about 18 s left": the progress bar's text ("step 412 · …" while
 * the run's length is unknown, i.e. totalSteps is 0).
 */
export function progressText(
  step: number,
  totalSteps: number,
  history: readonly HistoryPoint[],
  models: readonly NamedModel[],
  secondsLeft: number | null,
): string {
  const steps = totalSteps > 0 ? `step ${step} / ${totalSteps}` : `step ${step}`;
  return [steps, formatLatestLosses(history, models), formatTimeLeft(secondsLeft)]
    .filter((part): part is string => part !== null)
    .join(" · ");
}
