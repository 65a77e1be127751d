import type { ReactNode } from "react";
import type { HopfieldMemoryActions, HopfieldMemoryState, HopfieldMemoryStore } from "./hopfieldMemoryStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = HopfieldMemoryState & HopfieldMemoryActions;

const HopfieldMemoryContext = createStoreContext<State>("HopfieldMemory");

export function HopfieldMemoryStoreProvider({
  store,
  children,
}: {
  store: HopfieldMemoryStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={HopfieldMemoryContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The HopfieldMemory store of the enclosing widget (for subscriptions and actions). */
export function useHopfieldMemoryStoreApi(): HopfieldMemoryStore {
  return useStoreApiOf(HopfieldMemoryContext);
}

/** An atomic slice of the enclosing HopfieldMemory widget's state. */
export function useHopfieldMemory<U>(selector: (state: State) => U): U {
  return useSelectorOf(HopfieldMemoryContext, selector);
}
