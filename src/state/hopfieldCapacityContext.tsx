import type { ReactNode } from "react";
import type {
  HopfieldCapacityActions,
  HopfieldCapacityState,
  HopfieldCapacityStore,
} from "./hopfieldCapacityStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = HopfieldCapacityState & HopfieldCapacityActions;

const HopfieldCapacityContext = createStoreContext<State>("HopfieldCapacity");

export function HopfieldCapacityStoreProvider({
  store,
  children,
}: {
  store: HopfieldCapacityStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={HopfieldCapacityContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The HopfieldCapacity store of the enclosing widget (for subscriptions and actions). */
export function useHopfieldCapacityStoreApi(): HopfieldCapacityStore {
  return useStoreApiOf(HopfieldCapacityContext);
}

/** An atomic slice of the enclosing HopfieldCapacity widget's state. */
export function useHopfieldCapacity<U>(selector: (state: State) => U): U {
  return useSelectorOf(HopfieldCapacityContext, selector);
}
