import { type Context, createContext, type ReactNode, useContext } from "react";
import { type StoreApi, useStore } from "zustand";

/** A React context for one kind of per-instance store, with the name used in error messages. */
export interface StoreContext<S> {
  name: string;
  Context: Context<StoreApi<S> | null>;
}

export function createStoreContext<S>(name: string): StoreContext<S> {
  return { name, Context: createContext<StoreApi<S> | null>(null) };
}

/** Hands `store` down to the components of one widget instance. */
export function StoreProvider<S>({
  context,
  store,
  children,
}: {
  context: StoreContext<S>;
  store: StoreApi<S>;
  children: ReactNode;
}) {
  return <context.Context.Provider value={store}>{children}</context.Context.Provider>;
}

/**
 * The store of the nearest provider. Throws outside one: a silent module-level fallback store
 * is how two widgets on one page end up sharing state.
 */
export function useStoreApiOf<S>(context: StoreContext<S>): StoreApi<S> {
  const store = useContext(context.Context);
  if (!store) throw new Error(`${context.name}: this component must be rendered inside its provider`);
  return store;
}

/** One atomic slice of the nearest store; the component re-renders only when it changes. */
export function useSelectorOf<S, U>(context: StoreContext<S>, selector: (state: S) => U): U {
  return useStore(useStoreApiOf(context), selector);
}
