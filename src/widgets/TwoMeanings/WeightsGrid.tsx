import { useCallback } from "react";
import { useTwoMeanings, useTwoMeaningsStoreApi } from "../../state/twoMeaningsContext";
import { meanWeightDifference } from "../../state/twoMeaningsStats";
import { currentResult, type TwoMeaningsActions, type TwoMeaningsState } from "../../state/twoMeaningsStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = TwoMeaningsState & TwoMeaningsActions;

/** Input k's attention weights A_k as a small heatmap, redrawn when its batch lands. */
function WeightsThumbnail({ index }: { index: number }) {
  const store = useTwoMeaningsStoreApi();
  const tokens = useTwoMeanings((s) => s.inputs[index]?.tokens);
  const inputs = useCallback((s: State) => [s.inputs[index], currentResult(s)], [index]);
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] | null => {
      const input = s.inputs[index];
      const weights = currentResult(s)?.weights[index];
      if (!input || !weights) return null;
      const title = `Attention weights A for input ${index + 1}: ${input.tokens.join(" ")}`;
      return [
        { values: weights, rowLabels: input.tokens, colLabels: input.tokens, title },
        { scale: "weights", cellSize: 16, digits: 2 },
      ];
    },
    [index],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [index], (element, s) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = currentResult(s) ? String(s.resultVersion) : "";
  });
  return (
    <figure className="dw-two-thumbnail" data-input={index}>
      <figcaption>
        {index + 1}. {tokens?.join(" ")}
      </figcaption>
      <div ref={ref} />
    </figure>
  );
}

/** (b) The attention weights: one A per input, all computed with the parameters in (a). */
export function WeightsGrid() {
  const count = useTwoMeanings((s) => s.inputs.length);
  const difference = useTwoMeanings((s) => {
    const result = currentResult(s);
    return result ? meanWeightDifference(result.weights) : undefined;
  });
  const pending = useTwoMeanings((s) => currentResult(s) === null);
  let summary = "computing…";
  if (difference === null) summary = "needs at least two inputs";
  else if (difference !== undefined) summary = difference.toFixed(3);

  return (
    <div className="dw-two-weights" aria-busy={pending || undefined}>
      <p className="dw-panel-title">(b) Attention weights A = softmax(QKᵀ/√d): one per input</p>
      <p data-readout="weight-difference" data-value={difference ?? ""}>
        Mean |A<sub>k</sub> − A<sub>l</sub>| over all pairs of inputs: <strong>{summary}</strong>
      </p>
      <div className="dw-two-grid">
        {Array.from({ length: count }, (_, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: input k is its index (same seed, same input)
          <WeightsThumbnail key={k} index={k} />
        ))}
      </div>
    </div>
  );
}
