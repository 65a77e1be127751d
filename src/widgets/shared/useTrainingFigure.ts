import type { RefObject } from "react";
import type { StoreApi } from "zustand";
import type { TrainingState } from "../../state/trainingTypes";
import { usePublishedFigure } from "./publishFigure";
import { useStartWhenNear } from "./TrainingDriverContext";
import { trainingChanged } from "./trainingFigure";
import { useOnScreenView } from "./useOnScreenView";

/**
 * The lifecycle every Part III figure shares: publish `element.value` (from the store itself, so a
 * host reads the current run even off screen), start the trainer when the figure nears the
 * viewport, and hand the components the on-screen view of the store, so a figure training off
 * screen costs the page's thread no redraws.
 */
export function useTrainingFigure<S, Q, R, V>(
  store: StoreApi<TrainingState<S, Q, R>>,
  read: (state: TrainingState<S, Q, R>) => V,
): { rootRef: RefObject<HTMLDivElement | null>; view: StoreApi<TrainingState<S, Q, R>> } {
  const rootRef = usePublishedFigure(store, read, trainingChanged);
  useStartWhenNear(store, rootRef);
  const view = useOnScreenView(store, rootRef);
  return { rootRef, view };
}
