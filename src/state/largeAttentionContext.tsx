import type { ReactNode } from "react";
import type { LargeAttentionActions, LargeAttentionState, LargeAttentionStore } from "./largeAttentionStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = LargeAttentionState & LargeAttentionActions;

const LargeAttentionContext = createStoreContext<State>("LargeAttention");

export function LargeAttentionStoreProvider({
  store,
  children,
}: {
  store: LargeAttentionStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={LargeAttentionContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The LargeAttention store of the enclosing widget (for subscriptions and actions). */
export function useLargeAttentionStoreApi(): LargeAttentionStore {
  return useStoreApiOf(LargeAttentionContext);
}

/** An atomic slice of the enclosing LargeAttention widget's state. */
export function useLargeAttention<U>(selector: (state: State) => U): U {
  return useSelectorOf(LargeAttentionContext, selector);
}
