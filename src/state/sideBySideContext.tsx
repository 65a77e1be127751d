import type { ReactNode } from "react";
import type { SideBySideActions, SideBySideState, SideBySideStore } from "./sideBySideStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = SideBySideState & SideBySideActions;

const SideBySideContext = createStoreContext<State>("SideBySide");

export function SideBySideStoreProvider({
  store,
  children,
}: {
  store: SideBySideStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={SideBySideContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The SideBySide store of the enclosing widget (for subscriptions and actions). */
export function useSideBySideStoreApi(): SideBySideStore {
  return useStoreApiOf(SideBySideContext);
}

/** An atomic slice of the enclosing SideBySide widget's state. */
export function useSideBySide<U>(selector: (state: State) => U): U {
  return useSelectorOf(SideBySideContext, selector);
}
