import { useCallback } from "react";
import { useTwoMeanings, useTwoMeaningsStoreApi } from "../../state/twoMeaningsContext";
import { maxParameterDifference } from "../../state/twoMeaningsStats";
import { currentResult, type TwoMeaningsActions, type TwoMeaningsState } from "../../state/twoMeaningsStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { NamedHeatmapPanel } from "../shared/NamedHeatmapPanel";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = TwoMeaningsState & TwoMeaningsActions;
type Which = "wq" | "wk" | "wv";

const LABELS: Record<Which, { name: string; role: "query" | "key" | "value" }> = {
  wq: { name: "W_Q", role: "query" },
  wk: { name: "W_K", role: "key" },
  wv: { name: "W_V", role: "value" },
};
const AXES = ["1", "2"];

function ParameterHeatmap({ which }: { which: Which }) {
  const store = useTwoMeaningsStoreApi();
  const inputs = useCallback((s: State) => [s[which]], [which]);
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] => [
      { values: s[which], rowLabels: AXES, colLabels: AXES, title: `Parameter ${LABELS[which].name}` },
      { scale: "scores", cellSize: 30, scoreExtent: 3 },
    ],
    [which],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [which]);
  return (
    <NamedHeatmapPanel kind={which} name={LABELS[which].name} role={LABELS[which].role} drawInto={ref} />
  );
}

/**
 * (a) The parameters: one heatmap each, because there is only one of each for all K inputs, and
 * a check computed from what the K computations actually received.
 */
export function ParameterPanel() {
  const count = useTwoMeanings((s) => s.count);
  const difference = useTwoMeanings((s) => {
    const result = currentResult(s);
    return result ? maxParameterDifference(result.parameters) : null;
  });
  return (
    <div className="dw-two-parameters">
      <p className="dw-panel-title">(a) Parameters: the same for all {count} inputs</p>
      <div className="dw-two-parameter-maps">
        <ParameterHeatmap which="wq" />
        <ParameterHeatmap which="wk" />
        <ParameterHeatmap which="wv" />
      </div>
      <p data-readout="parameter-difference" data-value={difference ?? ""}>
        Largest difference between the W_Q, W_K, W_V used for any two inputs:{" "}
        <strong>{difference === null ? "computing…" : String(difference)}</strong>
      </p>
    </div>
  );
}
