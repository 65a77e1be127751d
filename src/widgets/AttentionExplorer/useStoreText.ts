import { useLayoutEffect, useRef } from "react";
import type { StoreApi } from "zustand";

/**
 * A text readout fed straight from the store, like the heatmaps: it follows every result during
 * a drag without re-rendering React, and is written only when the string changes.
 */
export function useStoreText<S, E extends HTMLElement>(store: StoreApi<S>, text: (state: S) => string) {
  const ref = useRef<E>(null);
  const textRef = useRef(text);
  textRef.current = text;
  useLayoutEffect(() => {
    const write = (state: S) => {
      const element = ref.current;
      const next = textRef.current(state);
      if (element && element.textContent !== next) element.textContent = next;
    };
    write(store.getState());
    return store.subscribe(write);
  }, [store]);
  return ref;
}
