import { type RefObject, useEffect, useState } from "react";

/** How far outside the viewport a training figure starts, so its checkpoint is drawn when the reader arrives. */
export const NEAR_VIEWPORT_MARGIN = "600px 0px";

/**
 * True once `ref`'s element has come within NEAR_VIEWPORT_MARGIN of the viewport, and from then
 * on. Without IntersectionObserver (old browsers, jsdom) it is true at once. The essay has its own
 * copy for figures; this one serves widgets wherever they are mounted (an embed has no essay).
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
