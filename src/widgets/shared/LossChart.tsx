import { useCallback } from "react";
import type { StoreApi } from "zustand";
import type { ModelId } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import {
  type ChartColour,
  type ChartData,
  type ChartOptions,
  type ChartSeriesKind,
  drawChart,
} from "../../viz/chart";
import { lossSeries } from "./lossSeries";
import { formatLoss } from "./trainingFormat";
import { useStoreRenderer } from "./useStoreRenderer";

/** One model's curve: its legend text (with its parameter count, say), colour and stroke. */
export interface LossCurve {
  id: ModelId;
  label: string;
  colour: ChartColour;
  /** Solid for the first model, steps (thinner) for a second, so colour is never the only cue. */
  kind: ChartSeriesKind;
}

/** A horizontal dashed line at a loss the models are measured against, e.g. the zero predictor. */
export interface ReferenceLine {
  id: string;
  /** Legend text; the value is appended, e.g. "predicting 0: 1.67". */
  label: string;
  loss: number;
  colour: "muted" | "ink";
}

export interface LossChartProps<S, Q, R> {
  store: StoreApi<TrainingState<S, Q, R>>;
  /** Names the chart for assistive technology. */
  title: string;
  curves: readonly LossCurve[];
  references: readonly ReferenceLine[];
  /** y label, e.g. "loss ½(ŷ − y)²". */
  yLabel: string;
  /** Log y axis (default): early losses are often tens of times the final ones. */
  log?: boolean;
  /** `data-kind` of the panel (tests and styles). */
  kind?: string;
}

type Shown = Pick<TrainingState<unknown, unknown, unknown>, "history" | "totalSteps">;

/** The chart's data: thinned curves, then the reference lines across the whole run. */
export function lossChartData(
  s: Shown,
  { title, curves, references, yLabel, log = true }: Omit<LossChartProps<unknown, unknown, unknown>, "store">,
): ChartData {
  const end = Math.max(1, s.totalSteps, s.history[s.history.length - 1]?.step ?? 0);
  return {
    title,
    x: { label: "training step", domain: [0, end], integer: true },
    y: { label: yLabel, log },
    series: [
      ...curves.map((c) => ({
        id: c.id,
        label: c.label,
        colour: c.colour,
        kind: c.kind,
        points: lossSeries(s.history, c.id),
      })),
      ...references.map((r) => ({
        id: r.id,
        label: `${r.label}: ${formatLoss(r.loss)}`,
        colour: r.colour,
        kind: "dashed" as const,
        points: [
          [0, r.loss],
          [end, r.loss],
        ] as [number, number][],
      })),
    ],
  };
}

/**
 * Loss against training step for every model of a run, redrawn from the store without React
 * renders (a progress event lands up to 60 times a second). Long runs are thinned to a few
 * hundred averaged points per curve. The chart's <desc> sums up each curve and reference line.
 * `data-history` on the panel gives the number of history points drawn (tests wait on it).
 */
export function LossChart<S, Q, R>({ store, kind = "loss", ...spec }: LossChartProps<S, Q, R>) {
  // The renderer rebinds when the spec's content changes (a parameter count arriving renames a
  // curve), not when a parent re-render passes equal arrays anew.
  const specKey = JSON.stringify(spec);
  const inputs = useCallback((s: TrainingState<S, Q, R>) => [s.history, s.totalSteps], []);
  const view = (s: TrainingState<S, Q, R>): readonly [ChartData, ChartOptions] => [
    lossChartData(s, spec),
    { height: 280, digits: 3 },
  ];
  const afterDraw = useCallback((element: HTMLElement, s: TrainingState<S, Q, R>) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.history = String(s.history.length);
  }, []);
  const ref = useStoreRenderer(store, drawChart, inputs, view, [specKey], afterDraw);
  return (
    <section className="dw-panel dw-loss-chart" data-kind={kind} aria-label={spec.title}>
      <div ref={ref} />
    </section>
  );
}
