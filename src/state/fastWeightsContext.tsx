import type { ReactNode } from "react";
import type { CapacityActions, CapacityState, CapacityStore } from "./capacityStore";
import type { FastWeightsActions, FastWeightsState, FastWeightsStore } from "./fastWeightsStore";
import type { OverwriteActions, OverwriteState, OverwriteStore } from "./overwriteStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

// The fast weight section's three widgets: the player, the overwrite demo, the capacity curve.
// Each instance holds its own store; these contexts hand it to the widget's parts.
type Player = FastWeightsState & FastWeightsActions;
type Overwrite = OverwriteState & OverwriteActions;
type Capacity = CapacityState & CapacityActions;

const PlayerContext = createStoreContext<Player>("FastWeights");
const OverwriteContext = createStoreContext<Overwrite>("MemoryOverwrite");
const CapacityContext = createStoreContext<Capacity>("MemoryCapacity");

export function FastWeightsStoreProvider({
  store,
  children,
}: {
  store: FastWeightsStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={PlayerContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The fast weight player's store (for subscriptions and actions). */
export function useFastWeightsStoreApi(): FastWeightsStore {
  return useStoreApiOf(PlayerContext);
}

/** An atomic slice of the enclosing fast weight player's state. */
export function useFastWeights<U>(selector: (state: Player) => U): U {
  return useSelectorOf(PlayerContext, selector);
}

export function OverwriteStoreProvider({ store, children }: { store: OverwriteStore; children: ReactNode }) {
  return (
    <StoreProvider context={OverwriteContext} store={store}>
      {children}
    </StoreProvider>
  );
}

export function useOverwriteStoreApi(): OverwriteStore {
  return useStoreApiOf(OverwriteContext);
}

export function useOverwrite<U>(selector: (state: Overwrite) => U): U {
  return useSelectorOf(OverwriteContext, selector);
}

export function CapacityStoreProvider({ store, children }: { store: CapacityStore; children: ReactNode }) {
  return (
    <StoreProvider context={CapacityContext} store={store}>
      {children}
    </StoreProvider>
  );
}

export function useCapacityStoreApi(): CapacityStore {
  return useStoreApiOf(CapacityContext);
}

export function useCapacity<U>(selector: (state: Capacity) => U): U {
  return useSelectorOf(CapacityContext, selector);
}
