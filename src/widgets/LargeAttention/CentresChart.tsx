import { useCallback } from "react";
import { useLargeAttentionStoreApi } from "../../state/largeAttentionContext";
import { CENTRE_LIMIT, POINT_SAMPLE } from "../../state/largeAttentionSettings";
import type { LargeAttentionActions, LargeAttentionState } from "../../state/largeAttentionStore";
import { type ChartData, type ChartOptions, drawChart } from "../../viz/chart";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = LargeAttentionState & LargeAttentionActions;

/** Every ⌈n / POINT_SAMPLE⌉-th token's position: each cluster keeps its share of the points. */
export function sampledPoints(s: Pick<State, "n" | "positions">): [number, number][] {
  const stride = Math.ceil(s.n / POINT_SAMPLE);
  const points: [number, number][] = [];
  for (let i = 0; i < s.n; i += stride) points.push([s.positions.data[2 * i], s.positions.data[2 * i + 1]]);
  return points;
}

function chartView(s: State, onDrag: ChartOptions["onHandleDrag"]): readonly [ChartData, ChartOptions] {
  const shown = Math.ceil(s.n / Math.ceil(s.n / POINT_SAMPLE));
  const data: ChartData = {
    title: `The ${s.n} tokens in the plane (before the lift to d = ${s.d}) and the ${s.k} cluster centres`,
    x: { label: "plane x", domain: [-CENTRE_LIMIT, CENTRE_LIMIT] },
    y: { label: "plane y", domain: [-CENTRE_LIMIT, CENTRE_LIMIT] },
    series: [
      {
        id: "tokens",
        label: shown === s.n ? `all ${s.n} tokens` : `${shown} of the ${s.n} tokens`,
        colour: "muted",
        kind: "points",
        points: sampledPoints(s),
      },
    ],
    handlesLegend: "a cluster centre (drag it)",
    handles: s.centres.map(([x, y], c) => ({
      id: `centre-${c}`,
      label: `cluster ${c + 1} centre`,
      mark: String(c + 1),
      x,
      y,
      colour: "token" as const,
    })),
  };
  return [data, { onHandleDrag: onDrag, step: 0.05, digits: 2, width: 360, height: 340 }];
}

/**
 * The tokens in the plane with the draggable cluster centres. The chart moves a dragged centre
 * in the same frame; the store moves its tokens (O(n·d), a few ms at n = 4096) and the points
 * follow; the matrices follow when the engine's job lands.
 */
export function CentresChart() {
  const store = useLargeAttentionStoreApi();
  const inputs = useCallback((s: State) => [s.positions, s.centres], []);
  const view = useCallback(
    (s: State) => chartView(s, (index, point) => store.getState().moveCentre(index, point)),
    [store],
  );
  const ref = useStoreRenderer(store, drawChart, inputs, view, []);
  return (
    <section className="dw-panel dw-large-plane" aria-label="Tokens and cluster centres">
      <p className="dw-panel-title">Drag a cluster centre: its tokens move with it</p>
      <div ref={ref} />
    </section>
  );
}
