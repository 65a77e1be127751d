import { type DependencyList, useLayoutEffect, useRef } from "react";
import type { StoreApi } from "zustand";

interface RendererHandle<D, O> {
  update(data: D, options?: Partial<O>): void;
  destroy(): void;
}

type Draw<D, O> = (element: HTMLElement, data: D, options: O) => RendererHandle<D, O>;

const sameInputs = (a: readonly unknown[] | null, b: readonly unknown[]) =>
  a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Binds a `src/viz` renderer to a store with transient updates: the renderer is driven from a
 * store subscription, not from React renders, so a result that lands during a drag is drawn in
 * the same frame (a React re-render would be scheduled for a later task, a frame too late).
 *
 * `inputs(state)` lists what the drawing depends on (compared with Object.is); only when one
 * changes is `view(state)` called to build the renderer's data and options. A null view removes
 * the drawing. `afterDraw` runs after every draw, e.g. to mark the result version for tests.
 * `deps` are React-side values the view closes over; a change rebinds and redraws.
 */
export function useStoreRenderer<S, D, O>(
  store: StoreApi<S>,
  draw: Draw<D, O>,
  inputs: (state: S) => readonly unknown[],
  view: (state: S) => readonly [D, O] | null,
  deps: DependencyList,
  afterDraw?: (element: HTMLElement, state: S) => void,
) {
  const ref = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ inputs, view, afterDraw });
  callbacks.current = { inputs, view, afterDraw };

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let handle: RendererHandle<D, O> | null = null;
    let previous: readonly unknown[] | null = null;

    const render = (state: S) => {
      const next = callbacks.current.inputs(state);
      if (sameInputs(previous, next)) return;
      previous = next;
      const built = callbacks.current.view(state);
      if (!built) {
        handle?.destroy();
        handle = null;
      } else if (handle) {
        handle.update(built[0], built[1]);
      } else {
        handle = draw(element, built[0], built[1]);
      }
      callbacks.current.afterDraw?.(element, state);
    };

    render(store.getState());
    const unsubscribe = store.subscribe(render);
    return () => {
      unsubscribe();
      handle?.destroy();
    };
  }, [store, draw, ...deps]);

  return ref;
}
