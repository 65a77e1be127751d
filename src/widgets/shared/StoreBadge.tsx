import { useEffect, useState } from "react";
import type { StoreApi } from "zustand";
import type { Engine } from "../../engine";
import { BackendBadge } from "./BackendBadge";

/** How often the badge's "ms per update" may change: a number rewritten every frame is unreadable. */
export const BADGE_REFRESH_MS = 250;

/**
 * The backend badge of a widget whose store keeps `computeMs`, fed transiently: during a drag it
 * re-renders at most every BADGE_REFRESH_MS, never in the frame that draws the new figure.
 */
export function StoreBadge<S extends { computeMs: number | null }>({
  engine,
  store,
}: {
  engine: Engine;
  store: StoreApi<S>;
}) {
  const [ms, setMs] = useState(() => store.getState().computeMs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.computeMs === previous.computeMs || timer) return;
      timer = setTimeout(() => {
        timer = null;
        setMs(store.getState().computeMs);
      }, BADGE_REFRESH_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
  return <BackendBadge engine={engine} ms={ms} />;
}
