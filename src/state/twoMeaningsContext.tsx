import type { ReactNode } from "react";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";
import type { TwoMeaningsActions, TwoMeaningsState, TwoMeaningsStore } from "./twoMeaningsStore";

type State = TwoMeaningsState & TwoMeaningsActions;

const TwoMeaningsContext = createStoreContext<State>("TwoMeanings");

export function TwoMeaningsStoreProvider({
  store,
  children,
}: {
  store: TwoMeaningsStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={TwoMeaningsContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The TwoMeanings store of the enclosing widget (for subscriptions and actions). */
export function useTwoMeaningsStoreApi(): TwoMeaningsStore {
  return useStoreApiOf(TwoMeaningsContext);
}

/** An atomic slice of the enclosing TwoMeanings widget's state. */
export function useTwoMeanings<U>(selector: (state: State) => U): U {
  return useSelectorOf(TwoMeaningsContext, selector);
}
