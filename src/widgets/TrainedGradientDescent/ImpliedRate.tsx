import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import { optimalOneStepGd } from "../../core/regressionReferences";
import type { GdSnapshot } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { REGRESSION_TASK } from "../shared/regressionLines";
import { formatLoss } from "../shared/trainingFormat";

/** "3 %", "0.4 %": how far A is from η·I, relative to A. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "not a number";
  const percent = fraction * 100;
  return `${percent < 1 ? percent.toFixed(1) : Math.round(percent)} %`;
}

/** Within this relative distance A reads as η·I: a plain gradient step. */
export const NEAR_IDENTITY = 0.25;

/**
 * "implied learning rate 1.49 (optimal 1.52), A is within 3 % of η·I": the gradient step the
 * layer takes, read off its weights (core's impliedLearningRate, computed by the trainer).
 */
export function impliedRateText(snapshot: GdSnapshot, optimalEta: number): string {
  const distance = formatPercent(snapshot.offIdentity);
  const rate = `implied learning rate ${snapshot.impliedEta.toFixed(2)} (optimal ${optimalEta.toFixed(2)})`;
  return snapshot.offIdentity <= NEAR_IDENTITY
    ? `${rate}, A is within ${distance} of η·I`
    : `${rate}, A is still ${distance} away from η·I`;
}

/** The implied learning rate next to the optimal one, and the evaluation loss against the references. */
export function ImpliedRate({ store }: { store: StoreApi<TrainingState<GdSnapshot>> }) {
  const snapshot = useStore(store, (s) => s.snapshot);
  const evaluation = useStore(store, (s) => s.metrics?.lsa ?? null);
  const optimal = optimalOneStepGd(REGRESSION_TASK);
  return (
    <div className="dw-tgd-readouts">
      <p
        data-readout="implied-eta"
        data-value={snapshot ? snapshot.impliedEta : ""}
        data-off-identity={snapshot ? snapshot.offIdentity : ""}
      >
        {snapshot ? (
          <strong>{impliedRateText(snapshot, optimal.eta)}</strong>
        ) : (
          "The implied learning rate appears when the layer is read."
        )}
      </p>
      {evaluation !== null ? (
        <p data-readout="evaluation" data-value={evaluation}>
          Loss on the evaluation tasks {formatLoss(evaluation)}; one gradient step with the best learning rate
          reaches {formatLoss(optimal.loss)}.
        </p>
      ) : null}
    </div>
  );
}
