import { useCallback } from "react";
import { useInContextRegressionStoreApi } from "../../state/inContextRegressionContext";
import type {
  InContextRegressionActions,
  InContextRegressionState,
} from "../../state/inContextRegressionStore";
import { X_LIMIT, Y_LIMIT } from "../../state/regressionTasks";
import { type ChartData, type ChartOptions, drawChart } from "../../viz/chart";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = InContextRegressionState & InContextRegressionActions;

const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

/** Pairs (x_q, ŷ) of a prediction matrix for the line's 1-D queries. */
function pairs(queries: Float64Array, predictions: Float64Array): [number, number][] {
  return Array.from(queries, (x, i) => [x, predictions[i]]);
}

function chartView(
  s: State,
  onDrag: ChartOptions["onHandleDrag"],
): readonly [ChartData, ChartOptions] | null {
  if (s.mode !== "line") return null;
  const k = s.layers;
  const result = s.result?.job.mode === "line" ? s.result : null;
  const layersShown = result?.job.layers ?? k;
  const data: ChartData = {
    title:
      "In-context regression: the examples, gradient descent's line and the attention layers' predictions",
    x: { label: "x", domain: [-X_LIMIT, X_LIMIT] },
    y: { label: "y", domain: [-Y_LIMIT, Y_LIMIT] },
    series: [
      {
        id: "gd",
        label: `Gradient descent: ${plural(k, "step", "steps")} from w = 0`,
        colour: "ink",
        kind: "line",
        points: pairs(s.queries.data, s.gd.predictions[k - 1].data),
      },
      {
        id: "lsa",
        label: `Linear attention: ${plural(layersShown, "layer", "layers")}, one point per query`,
        colour: "output",
        kind: "points",
        points: result ? pairs(result.job.queries.data, result.lsa.predictions[layersShown - 1].data) : [],
      },
    ],
    handlesLegend: "an example (xᵢ, yᵢ)",
    handles: Array.from(s.context.xs.data, (x, i) => ({
      id: `example-${i}`,
      label: `example ${i + 1}`,
      mark: String(i + 1),
      x,
      y: s.context.ys.data[i],
      colour: "token" as const,
    })),
  };
  return [data, { onHandleDrag: onDrag, step: 0.05, digits: 2, height: 320 }];
}

/**
 * The 1-D figure: the examples as draggable points, gradient descent's prediction line (from
 * core, redrawn in the frame of the drag) and the attention layers' predictions at the query grid
 * (from the engine, redrawn when they land). `data-result-version` on the panel names the result drawn.
 */
export function RegressionChart() {
  const store = useInContextRegressionStoreApi();
  const inputs = useCallback((s: State) => [s.mode, s.context, s.gd, s.result, s.layers], []);
  const view = useCallback(
    (s: State) => chartView(s, (index, point) => store.getState().moveExample(index, point)),
    [store],
  );
  const ref = useStoreRenderer(store, drawChart, inputs, view, [], (element, s) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = s.result ? String(s.resultVersion) : "";
  });
  return (
    <section className="dw-panel dw-icr-chart" data-kind="chart" aria-label="Examples and predictions">
      <p className="dw-panel-title">Drag the examples: both predictions follow</p>
      <div ref={ref} />
    </section>
  );
}
