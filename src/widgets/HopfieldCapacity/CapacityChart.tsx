import { useCallback } from "react";
import { useHopfieldCapacityStoreApi } from "../../state/hopfieldCapacityContext";
import {
  type HopfieldCapacityActions,
  type HopfieldCapacityState,
  MAX_COUNT,
  MIN_COUNT,
} from "../../state/hopfieldCapacityStore";
import { type ChartData, type ChartOptions, drawChart } from "../../viz/chart";
import { formatBeta } from "../HopfieldMemory/betaScale";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = HopfieldCapacityState & HopfieldCapacityActions;

/** Amit, Gutfreund & Sompolinsky (1985): the classical rule's capacity is about 0.14·d patterns. */
export const CLASSICAL_CAPACITY = 0.14;

const inputs = (s: State) => [s.curve, s.count];

function view(s: State): readonly [ChartData, ChartOptions] | null {
  const curve = s.curve;
  if (!curve) return null;
  const [d, , beta] = curve.key.split("|").map(Number);
  const points = (ys: number[]) => curve.counts.map((n, k) => [n, ys[k]] as const);
  return [
    {
      title: `Fraction of corrupted patterns recalled exactly in one step, against the number stored N (d = ${d})`,
      x: { label: "stored patterns N", domain: [MIN_COUNT, MAX_COUNT], integer: true },
      y: { label: "fraction recalled exactly", domain: [0, 1] },
      series: [
        {
          id: "modern",
          label: `modern: sign(X softmax(βXᵀξ)), β = ${formatBeta(beta)}`,
          colour: "query",
          kind: "line",
          points: points(curve.modern),
        },
        {
          id: "classical",
          label: "classical: sign(Wξ)",
          colour: "fixed",
          kind: "dashed",
          points: points(curve.classical),
        },
      ],
      markers: [
        { x: CLASSICAL_CAPACITY * d, label: `0.14·d ≈ ${(CLASSICAL_CAPACITY * d).toFixed(1)}` },
        { x: s.count, label: `N = ${s.count}` },
      ],
    },
    { width: 520, height: 280, digits: 2 },
  ];
}

/** Recall against N for both rules, with the classical capacity 0.14·d and the chosen N marked. */
export function CapacityChart() {
  const store = useHopfieldCapacityStoreApi();
  const afterDraw = useCallback((element: HTMLElement, s: State) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = s.curve ? String(s.curveVersion) : "";
  }, []);
  const ref = useStoreRenderer(store, drawChart, inputs, view, [], afterDraw);
  return (
    <div className="dw-cap-chart" data-kind="capacity">
      <div ref={ref} />
    </div>
  );
}
