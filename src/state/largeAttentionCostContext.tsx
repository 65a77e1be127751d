import type { ReactNode } from "react";
import type { CostActions, CostState, CostStore } from "./largeAttentionCostStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = CostState & CostActions;

const CostContext = createStoreContext<State>("AttentionCost");

export function CostStoreProvider({ store, children }: { store: CostStore; children: ReactNode }) {
  return (
    <StoreProvider context={CostContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The AttentionCost store of the enclosing widget (for subscriptions and actions). */
export function useCostStoreApi(): CostStore {
  return useStoreApiOf(CostContext);
}

/** An atomic slice of the enclosing AttentionCost widget's state. */
export function useCost<U>(selector: (state: State) => U): U {
  return useSelectorOf(CostContext, selector);
}
