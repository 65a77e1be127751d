import { useCallback } from "react";
import { BACKEND_LABEL, isBackendName } from "../../engine";
import { useCostStoreApi } from "../../state/largeAttentionCostContext";
import {
  COST_NS,
  type CostActions,
  type CostPoint,
  type CostState,
  quadraticThrough,
} from "../../state/largeAttentionCostStore";
import { type ChartData, type ChartOptions, type ChartSeries, drawChart } from "../../viz/chart";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = CostState & CostActions;

/** One role colour per backend, the same as in the prose's legend; the dash tells measured from reference. */
const COLOUR: Record<string, ChartSeries["colour"]> = {
  webgpu: "query",
  webgl: "key",
  wasm: "value",
  cpu: "fixed",
};

export const backendLabel = (backend: string) => (isBackendName(backend) ? BACKEND_LABEL[backend] : backend);

const LOG2_FIRST = Math.log2(COST_NS[0]);
const LOG2_LAST = Math.log2(COST_NS[COST_NS.length - 1]);

function chartView(s: State): readonly [ChartData, ChartOptions] {
  const backends = [...new Set(s.points.map((p) => p.backend))];
  const series: ChartSeries[] = backends.flatMap((backend) => {
    const points = s.points.filter((p) => p.backend === backend);
    const top = points.reduce((a: CostPoint, b) => (b.n > a.n ? b : a));
    const colour = COLOUR[backend] ?? "ink";
    return [
      {
        id: backend,
        label: `${backendLabel(backend)}: measured`,
        colour,
        kind: "line" as const,
        points: points.map((p) => [Math.log2(p.n), p.ms] as const),
      },
      {
        id: `${backend}-n2`,
        label: `${backendLabel(backend)}: O(n²·d) through n = ${top.n}`,
        colour,
        kind: "dashed" as const,
        points: quadraticThrough(points).map(([n, ms]) => [Math.log2(n), ms] as const),
      },
    ];
  });
  const d = s.measuredD ?? s.d;
  const data: ChartData = {
    title: `Milliseconds per attention update against n, d = ${d}, measured on this device`,
    x: {
      label: "n tokens (log scale)",
      domain: [LOG2_FIRST, LOG2_LAST],
      integer: true,
      // The axis is log₂ n; ticks, readout and aria text say n itself.
      format: (k) => String(Math.round(2 ** k)),
    },
    // The measured range sets y, not the references: their ends would squash the data into a band.
    y: { label: "ms per update (log)", log: true, domain: yDomain(s.points) },
    series,
  };
  return [data, { digits: 2, width: 560, height: 340 }];
}

/** Powers of ten around the measured times (the references are clipped to it). */
function yDomain(points: readonly CostPoint[]): [number, number] | undefined {
  const ms = points.map((p) => p.ms).filter((v) => v > 0);
  if (ms.length === 0) return undefined;
  return [10 ** Math.floor(Math.log10(Math.min(...ms))), 10 ** Math.ceil(Math.log10(Math.max(...ms)) + 1e-9)];
}

/** Time per update against n on log–log axes, a solid line per backend and its dashed n² reference. */
export function CostChart() {
  const store = useCostStoreApi();
  const inputs = useCallback((s: State) => [s.points, s.measuredD], []);
  const view = useCallback((s: State) => chartView(s), []);
  const ref = useStoreRenderer(store, drawChart, inputs, view, []);
  return (
    <section className="dw-panel dw-cost-chart" aria-label="Time per update against n">
      <div ref={ref} />
    </section>
  );
}
