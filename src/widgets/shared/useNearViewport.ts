import { type RefObject, useEffect, useState } from "react";

/** How far outside the viewport a figure starts, so it is ready (a training figure: its checkpoint drawn) when the reader arrives. */
export const NEAR_VIEWPORT_MARGIN = "600px 0px";

/**
 * True once `ref`'s element has come within NEAR_VIEWPORT_MARGIN of the viewport, and from then
 * on (a started figure stays mounted, so what the reader did there is kept). Without
 * IntersectionObserver (old browsers, jsdom) it is true at once. The essay's figures and the
 * training widgets both use it, so it works wherever a widget is mounted (an embed has no essay).
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}
