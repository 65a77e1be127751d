import type { CostPoint, CostProgress, CostState } from "../../state/largeAttentionCostStore";

/** What a host page reads from the AttentionCost root element as `element.value`. */
export interface AttentionCostFigureValue {
  /** d of the next run, and of the results shown (null before any). */
  d: number;
  measuredD: number | null;
  running: boolean;
  stopped: boolean;
  progress: CostProgress | null;
  /** Every measured point, in the order measured. */
  points: CostPoint[];
  /** Per backend, the n whose update took over 2 s (its larger sizes were skipped). */
  slowAt: Record<string, number>;
  /** Per backend, the smallest n above its cap (not measured), or null. */
  cappedAt: Record<string, number | null>;
  failures: Record<string, string>;
}

export function figureValue(s: CostState): AttentionCostFigureValue {
  return {
    d: s.d,
    measuredD: s.measuredD,
    running: s.running,
    stopped: s.stopped,
    progress: s.progress ? { ...s.progress } : null,
    points: s.points.map((p) => ({ ...p })),
    slowAt: { ...s.slowAt },
    cappedAt: Object.fromEntries(s.plan.map((p) => [p.backend, p.cappedAt])),
    failures: { ...s.failures },
  };
}
