import { useCallback } from "react";
import type { CapacityActions, CapacityState } from "../../state/capacityStore";
import { useCapacityStoreApi } from "../../state/fastWeightsContext";
import { type ChartData, type ChartOptions, drawChart } from "../../viz/chart";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = CapacityState & CapacityActions;

const curve = (errors: readonly number[]) => errors.map((e, i) => [i + 1, e] as const);

/** Retrieval error against N for both rules, a marker at N = d, and the current N as a handle. */
function chartView(s: State): readonly [ChartData, ChartOptions] {
  const d = s.dimension;
  const largest = Math.max(1, ...s.curves.sum, ...s.curves.delta);
  return [
    {
      title: `Mean retrieval error against the number of stored associations N, in d = ${d} dimensions`,
      x: { label: "stored associations N", domain: [1, s.curves.sum.length], integer: true },
      y: { label: "mean error ‖W kᵢ − vᵢ‖", domain: [0, Math.ceil(largest * 5) / 5] },
      series: [
        {
          id: "sum",
          label: "sum rule (linear attention)",
          colour: "query",
          kind: "line",
          points: curve(s.curves.sum),
        },
        {
          id: "delta",
          label: "delta rule, β = 1",
          colour: "fixed",
          kind: "dashed",
          points: curve(s.curves.delta),
        },
        {
          id: "nothing",
          label: "recalling nothing (error 1)",
          colour: "muted",
          kind: "dashed",
          points: [
            [1, 1],
            [s.curves.sum.length, 1],
          ],
        },
      ],
      markers: [{ x: d, label: `N = d = ${d}` }],
      handles: [
        {
          id: "count",
          label: "N, the number stored (drag along the curve)",
          x: s.count,
          y: s.curves.sum[s.count - 1],
          colour: "query",
        },
      ],
    },
    {
      step: 1,
      digits: 2,
      onHandleDrag: (_index, [x]) => s.setCount(x),
    },
  ];
}

export function CapacityChart() {
  const store = useCapacityStoreApi();
  const inputs = useCallback((s: State) => [s.curves, s.count], []);
  const ref = useStoreRenderer(store, drawChart, inputs, chartView, []);
  return <div className="dw-panel dw-cap-chart" data-kind="capacity-chart" ref={ref} />;
}
