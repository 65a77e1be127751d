import type { ReactNode } from "react";
import type {
  InContextRegressionActions,
  InContextRegressionState,
  InContextRegressionStore,
} from "./inContextRegressionStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = InContextRegressionState & InContextRegressionActions;

const InContextRegressionContext = createStoreContext<State>("InContextRegression");

export function InContextRegressionStoreProvider({
  store,
  children,
}: {
  store: InContextRegressionStore;
  children: ReactNode;
}) {
  return (
    <StoreProvider context={InContextRegressionContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The InContextRegression store of the enclosing widget (for subscriptions and actions). */
export function useInContextRegressionStoreApi(): InContextRegressionStore {
  return useStoreApiOf(InContextRegressionContext);
}

/** An atomic slice of the enclosing InContextRegression widget's state. */
export function useInContextRegression<U>(selector: (state: State) => U): U {
  return useSelectorOf(InContextRegressionContext, selector);
}
