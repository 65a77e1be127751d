import { type RefObject, useLayoutEffect, useRef } from "react";

interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** A new result was drawn: the default reason to tell the host. */
export const newResult = <S extends { resultVersion: number }>(state: S, previous: S) =>
  state.resultVersion !== previous.resultVersion;

/**
 * Publishes a widget's state on its root element, as Observable Plot's figures do: `value` is a
 * getter (built only when read), and a bubbling `input` event fires whenever `changed(state,
 * previous)` says the figure shows something new, so any host (a test, an embedding page) can
 * follow the figure without reaching into React. Returns the cleanup.
 */
export function publishFigure<S, V>(
  element: HTMLElement,
  store: Subscribable<S>,
  read: (state: S) => V,
  changed: (state: S, previous: S) => boolean,
): () => void {
  Object.defineProperty(element, "value", { configurable: true, get: () => read(store.getState()) });
  const unsubscribe = store.subscribe((state, previous) => {
    if (changed(state, previous)) element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return () => {
    unsubscribe();
    Reflect.deleteProperty(element, "value");
  };
}

/** `publishFigure` on the element the returned ref is attached to, for as long as it is mounted. */
export function usePublishedFigure<S, V>(
  store: Subscribable<S>,
  read: (state: S) => V,
  changed: (state: S, previous: S) => boolean,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ read, changed });
  latest.current = { read, changed };
  useLayoutEffect(() => {
    if (!ref.current) return;
    return publishFigure(
      ref.current,
      store,
      (s) => latest.current.read(s),
      (s, p) => latest.current.changed(s, p),
    );
  }, [store]);
  return ref;
}
