import type { ReactNode } from "react";
import type { StoreApi } from "zustand/vanilla";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";
import type { TrainingState } from "./trainingTypes";

/*
 * One context for every Part III figure: the store's snapshot type differs per experiment, so the
 * context holds TrainingState<unknown, …> and the hooks take the figure's types as parameters.
 */
type AnyTrainingState = TrainingState<unknown, unknown, unknown>;

const TrainingContext = createStoreContext<AnyTrainingState>("Training");

export function TrainingStoreProvider<S, Q, R>({
  store,
  children,
}: {
  store: StoreApi<TrainingState<S, Q, R>>;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={TrainingContext} store={store as unknown as StoreApi<AnyTrainingState>}>
      {children}
    </StoreProvider>
  );
}

/** The training store of the enclosing figure (for subscriptions and actions). */
export function useTrainingStoreApi<S, Q = never, R = never>(): StoreApi<TrainingState<S, Q, R>> {
  return useStoreApiOf(TrainingContext) as unknown as StoreApi<TrainingState<S, Q, R>>;
}

/** An atomic slice of the enclosing figure's training state. */
export function useTraining<U, S = unknown, Q = never, R = never>(
  selector: (state: TrainingState<S, Q, R>) => U,
): U {
  return useSelectorOf(TrainingContext, selector as unknown as (state: AnyTrainingState) => U);
}
