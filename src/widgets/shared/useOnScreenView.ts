import { type RefObject, useEffect, useMemo } from "react";
import type { StoreApi } from "zustand";
import type { TrainingState } from "../../state/trainingTypes";
import { createVisibilityGate } from "../../state/visibilityGate";

/** How far outside the viewport a training figure still redraws (so it is current when it scrolls in). */
export const ON_SCREEN_MARGIN = "200px 0px";

/** While hidden, a figure still takes what a reader (or a screen reader) is told: status, source, messages. */
const announced = <S, Q, R>(next: TrainingState<S, Q, R>, shown: TrainingState<S, Q, R>) =>
  next.status !== shown.status ||
  next.source !== shown.source ||
  next.message !== shown.message ||
  next.backend !== shown.backend;

/**
 * The store as the figure's components should read it: every change while `ref`'s element is on
 * screen (or within ON_SCREEN_MARGIN), and while it is off screen only what announced() names,
 * catching up at once when it returns. A figure training off screen then costs the page's thread
 * nothing per step, so a drag elsewhere keeps its frames. Without IntersectionObserver: always on.
 */
export function useOnScreenView<S, Q, R>(
  store: StoreApi<TrainingState<S, Q, R>>,
  ref: RefObject<Element | null>,
): StoreApi<TrainingState<S, Q, R>> {
  const gate = useMemo(() => createVisibilityGate(store, announced), [store]);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => gate.setVisible(entries.some((entry) => entry.isIntersecting)),
      { rootMargin: ON_SCREEN_MARGIN },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      gate.setVisible(true);
    };
  }, [gate, ref]);
  return gate.api;
}
