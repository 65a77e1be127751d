import { useEffect } from "react";
import { useShareHost } from "../../../state/share/shareHost";
import type { ShareSpec, Subscribable } from "./shareSpec";

/** How long the reader's changes settle before the host (the address bar) hears of them. */
export const REPORT_DELAY_MS = 250;

/**
 * Tells the host whenever the widget's shareable state changes, at most once per REPORT_DELAY_MS:
 * a store update (a drag event, a landed result) only sets a timer, so the drag loop pays nothing;
 * the state is encoded when the timer fires and reported only if it differs from the last report.
 */
export function useShareReport<T, S>(id: string, spec: ShareSpec<T, S>, store: Subscribable<T>): void {
  const host = useShareHost();
  useEffect(() => {
    let last = spec.codec.encode(spec.toShared(store.getState()));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const encoded = spec.codec.encode(spec.toShared(store.getState()));
      if (encoded === last) return;
      last = encoded;
      host.stateChanged(id, spec.codec.name, encoded);
    };
    const unsubscribe = store.subscribe(() => {
      if (timer === null) timer = setTimeout(flush, REPORT_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [host, id, spec, store]);
}
