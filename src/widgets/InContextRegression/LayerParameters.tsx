import { useCallback } from "react";
import type { LsaLayer } from "../../core/linearSelfAttention";
import {
  useInContextRegression,
  useInContextRegressionStoreApi,
} from "../../state/inContextRegressionContext";
import { changesSinceBaseline } from "../../state/inContextRegressionStats";
import type {
  InContextRegressionActions,
  InContextRegressionState,
} from "../../state/inContextRegressionStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import type { Role } from "../../viz/palette";
import { NamedHeatmapPanel } from "../shared/NamedHeatmapPanel";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { formatDifference, inputLabels } from "./format";

type State = InContextRegressionState & InContextRegressionActions;
type Which = keyof LsaLayer;

const LABELS: Record<Which, { name: string; role: Role }> = {
  wk: { name: "W_K", role: "key" },
  wq: { name: "W_Q", role: "query" },
  wv: { name: "W_V", role: "value" },
  projection: { name: "P", role: "output" },
};
const ORDER: readonly Which[] = ["wk", "wq", "wv", "projection"];

/** One parameter matrix of the layer the newest result was computed with. */
function ParameterHeatmap({ which }: { which: Which }) {
  const store = useInContextRegressionStoreApi();
  const inputs = useCallback((s: State) => [s.result?.job.layer[which]], [which]);
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] | null => {
      const matrix = s.result?.job.layer[which];
      if (!matrix) return null;
      const labels = [...inputLabels(matrix.rows - 1), "y"];
      return [
        { values: matrix, rowLabels: labels, colLabels: labels, title: `Parameter ${LABELS[which].name}` },
        { scale: "scores", scoreExtent: 1, digits: 2, cellSize: matrix.rows > 4 ? 22 : 34 },
      ];
    },
    [which],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [which]);
  return (
    <NamedHeatmapPanel kind={which} name={LABELS[which].name} role={LABELS[which].role} drawInto={ref} />
  );
}

/**
 * The constructed layer's parameters, drawn from what the engine was actually given, with a
 * computed check: the largest change since the first result of this setting (d, η, N, K).
 * Moving an example never changes them; η and N do, because P = (η/N)·I.
 */
export function LayerParameters() {
  const change = useInContextRegression((s) =>
    s.result && s.baseline ? changesSinceBaseline(s.result, s.baseline).parameters : null,
  );
  const job = useInContextRegression((s) => s.result?.job ?? null);
  return (
    <div className="dw-icr-parameters">
      <p className="dw-panel-title">The layer’s parameters, built once from d, η and N (von Oswald et al.)</p>
      <div className="dw-icr-maps">
        {ORDER.map((which) => (
          <ParameterHeatmap key={which} which={which} />
        ))}
      </div>
      {job ? (
        <p className="dw-icr-recipe">
          W_K = W_Q keep the inputs and drop y; W_V keeps −y and drops the inputs; P = (η/N)·I = (
          {job.eta.toFixed(2)}/{job.context.xs.rows})·I = {(job.eta / job.context.xs.rows).toFixed(4)}·I.
        </p>
      ) : null}
      <p data-readout="parameter-change" data-value={change ?? ""}>
        Largest change in W_K, W_Q, W_V or P since you last changed d, η, N or K:{" "}
        <strong>{change === null ? "computing…" : formatDifference(change)}</strong>
      </p>
    </div>
  );
}
