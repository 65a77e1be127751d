import { useEffect } from "react";
import { type RecallCurve, recallCurve } from "../../core/hopfieldRecall";
import { useHopfieldCapacityStoreApi } from "../../state/hopfieldCapacityContext";
import { CURVE_COUNTS, curveKey, type HopfieldCapacityState } from "../../state/hopfieldCapacityStore";

/** Queries per N: enough that a fraction moves in steps of 1/40 or finer. */
export const MIN_QUERIES = 40;
/** Longest stretch of work before yielding to the page, so a slider drag stays responsive. */
const SLICE_MS = 12;

/** The recall experiment's parameters for a store state. */
export const curveParams = (s: HopfieldCapacityState) => ({
  d: s.d,
  flipFraction: s.flipPercent / 100,
  beta: s.beta,
  seed: s.seed,
  minQueries: MIN_QUERIES,
});

/**
 * Keeps the store's recall curve computed (in src/core, on the main thread; no tfjs: it is small
 * integer-valued work). The N values are done in slices of ≤ SLICE_MS, and a parameter change
 * abandons a curve in progress, latest wins.
 */
export function useRecallCurve(): void {
  const store = useHopfieldCapacityStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let generation = 0;

    const start = (s: HopfieldCapacityState) => {
      const key = curveKey(s);
      if (s.curve?.key === key) return;
      const mine = ++generation;
      const params = curveParams(s);
      const parts: RecallCurve = { counts: [], modern: [], classical: [], queries: [] };
      let index = 0;
      const work = () => {
        timer = null;
        if (mine !== generation) return;
        const began = performance.now();
        while (index < CURVE_COUNTS.length && performance.now() - began < SLICE_MS) {
          const point = recallCurve({ ...params, counts: [CURVE_COUNTS[index]] });
          parts.counts.push(point.counts[0]);
          parts.modern.push(point.modern[0]);
          parts.classical.push(point.classical[0]);
          parts.queries.push(point.queries[0]);
          index++;
        }
        if (index < CURVE_COUNTS.length) timer = setTimeout(work, 0);
        else store.getState().setCurve({ ...parts, key });
      };
      if (timer) clearTimeout(timer);
      timer = setTimeout(work, 0);
    };

    start(store.getState());
    const unsubscribe = store.subscribe((s, previous) => {
      if (curveKey(s) !== curveKey(previous)) start(s);
    });
    return () => {
      generation++;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
}
