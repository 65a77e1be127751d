import type { ReactNode } from "react";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "../../state/storeContext";
import type { TwoHeadsActions, TwoHeadsState, TwoHeadsStore } from "./twoHeadsStore";

type State = TwoHeadsState & TwoHeadsActions;

const TwoHeadsContext = createStoreContext<State>("TwoHeads");

export function TwoHeadsStoreProvider({ store, children }: { store: TwoHeadsStore; children: ReactNode }) {
  return (
    <StoreProvider context={TwoHeadsContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The TwoHeads store of the enclosing widget (for subscriptions and actions). */
export function useTwoHeadsStoreApi(): TwoHeadsStore {
  return useStoreApiOf(TwoHeadsContext);
}

/** An atomic slice of the enclosing TwoHeads widget's state. */
export function useTwoHeads<U>(selector: (state: State) => U): U {
  return useSelectorOf(TwoHeadsContext, selector);
}
