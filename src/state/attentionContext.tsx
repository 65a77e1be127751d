import type { ReactNode } from "react";
import type { AttentionActions, AttentionState, AttentionStore } from "./attentionStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = AttentionState & AttentionActions;

const AttentionContext = createStoreContext<State>("AttentionExplorer");

export function AttentionStoreProvider({ store, children }: { store: AttentionStore; children: ReactNode }) {
  return (
    <StoreProvider context={AttentionContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The AttentionExplorer store of the enclosing widget (for subscriptions and actions). */
export function useAttentionStoreApi(): AttentionStore {
  return useStoreApiOf(AttentionContext);
}

/** An atomic slice of the enclosing AttentionExplorer's state. */
export function useAttention<U>(selector: (state: State) => U): U {
  return useSelectorOf(AttentionContext, selector);
}
