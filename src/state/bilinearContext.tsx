import type { ReactNode } from "react";
import type { BilinearActions, BilinearState, BilinearStore } from "./bilinearStore";
import { createStoreContext, StoreProvider, useSelectorOf, useStoreApiOf } from "./storeContext";

type State = BilinearState & BilinearActions;

const BilinearContext = createStoreContext<State>("BilinearScore");

export function BilinearStoreProvider({ store, children }: { store: BilinearStore; children: ReactNode }) {
  return (
    <StoreProvider context={BilinearContext} store={store}>
      {children}
    </StoreProvider>
  );
}

/** The BilinearScore store of the enclosing widget (for subscriptions and actions). */
export function useBilinearStoreApi(): BilinearStore {
  return useStoreApiOf(BilinearContext);
}

/** An atomic slice of the enclosing BilinearScore's state. */
export function useBilinear<U>(selector: (state: State) => U): U {
  return useSelectorOf(BilinearContext, selector);
}
