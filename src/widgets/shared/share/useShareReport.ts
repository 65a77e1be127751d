import { useEffect } from "react";
import type { WidgetCodec } from "../../../state/share/codec";
import { useShareHost } from "../../../state/share/shareHost";
import type { ShareSpec, Subscribable } from "./shareSpec";

/** How long the reader's changes must pause before the host (the address bar) hears of them. */
export const REPORT_DELAY_MS = 300;

/** Whether two shareable states are equal field by field (by each field's own `equals`). */
function sameShared<S>(codec: WidgetCodec<S>, a: S, b: S): boolean {
  for (const key of Object.keys(codec.fields) as (keyof S)[]) {
    if (!codec.fields[key].equals(a[key], b[key])) return false;
  }
  return true;
}

/**
 * Tells the host when the widget's shareable state has changed and then held still for
 * REPORT_DELAY_MS. Only a change to the shareable state restarts the wait: a training figure's
 * progress or a landed result does not, so a reader's change is reported promptly even while the
 * figure is busy, and a drag is reported once, when the reader stops. Writing the address during a
 * drag (history.replaceState) cost the benchmark's n = 16 drag its p95 (6.8 → 33–43 ms).
 */
export function useShareReport<T, S>(id: string, spec: ShareSpec<T, S>, store: Subscribable<T>): void {
  const host = useShareHost();
  useEffect(() => {
    let seen = spec.toShared(store.getState());
    let last = spec.codec.encode(seen);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const encoded = spec.codec.encode(seen);
      if (encoded === last) return;
      last = encoded;
      host.stateChanged(id, spec.codec.name, encoded);
    };
    const unsubscribe = store.subscribe((state) => {
      const shared = spec.toShared(state);
      if (sameShared(spec.codec, shared, seen)) return;
      seen = shared;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, REPORT_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [host, id, spec, store]);
}
