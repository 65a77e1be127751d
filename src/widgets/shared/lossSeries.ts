import type { HistoryPoint, ModelId } from "../../core/training";

/** Most points drawn per curve: a few hundred read as a smooth curve and redraw in well under a frame. */
export const MAX_CURVE_POINTS = 400;

/**
 * One model's loss curve as [step, loss] points, at most `limit` of them. A longer history is cut
 * into ⌈n/limit⌉-point runs of consecutive steps, each drawn as its mean step and mean loss, so the
 * thinned curve is the running average rather than whichever noisy batch loss happened to be kept.
 * Steps where the model has no finite loss leave a gap (NaN), so a diverged run shows as one.
 */
export function lossSeries(
  history: readonly HistoryPoint[],
  model: ModelId,
  limit = MAX_CURVE_POINTS,
): [number, number][] {
  const size = Math.max(1, Math.ceil(history.length / Math.max(1, Math.floor(limit))));
  const points: [number, number][] = [];
  for (let start = 0; start < history.length; start += size) {
    const end = Math.min(history.length, start + size);
    let steps = 0;
    let losses = 0;
    let counted = 0;
    for (let i = start; i < end; i++) {
      steps += history[i].step;
      const loss = history[i].losses[model];
      if (loss !== undefined && Number.isFinite(loss)) {
        losses += loss;
        counted += 1;
      }
    }
    points.push([steps / (end - start), counted > 0 ? losses / counted : Number.NaN]);
  }
  return points;
}

/** True when some point of the history has a loss for `model` (so its curve is worth a legend entry). */
export function hasLosses(history: readonly HistoryPoint[], model: ModelId): boolean {
  return history.some((p) => p.losses[model] !== undefined);
}
