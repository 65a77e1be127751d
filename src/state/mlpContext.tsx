import type { ReactNode } from "react";
import type { MlpActions, MlpState, MlpStore } from "./mlpStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = MlpState & MlpActions;

const MlpContext = createStoreContext<State>("MlpExplorer");

export function MlpStoreProvider({ store, children }: { store: MlpStore; children: ReactNode }) {
  return (
    <StoreProvider context={MlpContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The MlpExplorer store of the enclosing widget (for subscriptions and actions). */
export function useMlpStoreApi(): MlpStore {
  return useStoreApiOf(MlpContext);
}

/** An atomic slice of the enclosing MlpExplorer's state. */
export function useMlp<U>(selector: (state: State) => U): U {
  return useSelectorOf(MlpContext, selector);
}
