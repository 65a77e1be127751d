import type { StoreApi } from "zustand";

/*
 * A figure that is off screen need not redraw. A training figure's store changes some thirty times
 * a second while its worker trains; drawn off screen, that work still costs the page's thread the
 * time a drag elsewhere needs. The gate hands the figure's components a view of the store that
 * stands still while the figure is hidden (except for the changes `passThrough` names, such as a
 * status a screen reader announces) and catches up in one update when the figure comes back.
 *
 *   source store ──► gate (visible: every change │ hidden: hold the last state shown) ──► components
 */

export interface VisibilityGate<T> {
  /** The view: a store API the components use exactly like the source's. */
  api: StoreApi<T>;
  /** Hidden: hold the state shown now. Visible again: show the source's current state at once. */
  setVisible(visible: boolean): void;
}

type Listener<T> = (state: T, previous: T) => void;

/**
 * A gate in front of `source`. Actions and setState go straight to the source; reads and
 * notifications pass while visible, and while hidden only when `passThrough(next, shown)` is true.
 */
export function createVisibilityGate<T>(
  source: StoreApi<T>,
  passThrough: (next: T, shown: T) => boolean = () => false,
): VisibilityGate<T> {
  let visible = true;
  let shown = source.getState();
  const listeners = new Set<Listener<T>>();
  const notify = (state: T, previous: T) => {
    for (const listener of listeners) listener(state, previous);
  };
  source.subscribe((state) => {
    if (!visible && !passThrough(state, shown)) return;
    const previous = shown;
    shown = state;
    notify(state, previous);
  });
  const api: StoreApi<T> = {
    getState: () => shown,
    getInitialState: () => source.getInitialState(),
    setState: source.setState,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return {
    api,
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      const current = source.getState();
      if (visible && current !== shown) {
        const previous = shown;
        shown = current;
        notify(current, previous);
      }
    },
  };
}
