import { useCallback } from "react";
import { useHopfieldMemoryStoreApi } from "../../state/hopfieldMemoryContext";
import {
  type HopfieldMemoryActions,
  type HopfieldMemoryState,
  MAX_STEPS,
} from "../../state/hopfieldMemoryStore";
import { type ChartData, type ChartOptions, drawChart } from "../../viz/chart";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { shownStep } from "./shownStep";

type State = HopfieldMemoryState & HopfieldMemoryActions;

const inputs = (s: State) => [s.result, s.shownSteps];

function view(s: State): readonly [ChartData, ChartOptions] | null {
  const { energies, step } = shownStep(s);
  if (!energies || !s.result) return null;
  // The domain comes from the whole trajectory, so it holds still while Step reveals it; E ≥ 0.
  const top = Math.max(...s.result.energies.data, 1e-6);
  return [
    {
      title: `Energy E(ξ) for steps 0 to ${step} at β = ${s.result.beta.toPrecision(3)}`,
      x: { label: "step t", domain: [0, MAX_STEPS], integer: true },
      y: { label: "energy E(ξₜ)", domain: [0, top * 1.1] },
      series: [
        {
          id: "energy",
          label: "energy E(ξₜ)",
          colour: "output",
          kind: "line",
          points: energies.map((e, t) => [t, e] as const),
        },
        {
          id: "energy-points",
          label: "energy at each step",
          colour: "output",
          kind: "points",
          points: energies.map((e, t) => [t, e] as const),
        },
      ],
    },
    { width: 360, height: 200, digits: 3 },
  ];
}

/** E(ξ_0) … E(ξ_t) as a line: each update can only lower it (Ramsauer et al. 2020). */
export function EnergyChart() {
  const store = useHopfieldMemoryStoreApi();
  const afterDraw = useCallback((element: HTMLElement, s: State) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = s.result ? String(s.resultVersion) : "";
  }, []);
  const ref = useStoreRenderer(store, drawChart, inputs, view, [], afterDraw);
  return (
    <div className="dw-hop-energy" data-kind="energy">
      <p className="dw-panel-title">Energy per step</p>
      <div ref={ref} />
    </div>
  );
}
