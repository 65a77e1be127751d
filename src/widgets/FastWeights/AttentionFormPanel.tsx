import { useCallback } from "react";
import { useFastWeightsStoreApi } from "../../state/fastWeightsContext";
import {
  currentAttention,
  type FastWeightsActions,
  type FastWeightsState,
} from "../../state/fastWeightsStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = FastWeightsState & FastWeightsActions;

/**
 * The attention form from the engine: the causal weights φ(q_t)ᵀφ(k_i) (÷ the normaliser), with
 * row t, the row that multiplies V to give token t's output, highlighted. `data-result-version`
 * names the engine result on screen.
 */
export function AttentionFormPanel() {
  const store = useFastWeightsStoreApi();
  const inputs = useCallback((s: State) => [currentAttention(s), s.step, s.tokens], []);
  const view = useCallback((s: State): readonly [HeatmapData, HeatmapOptions] | null => {
    const attention = currentAttention(s);
    if (!attention || attention.weights.rows !== s.tokens.length) return null;
    const title = s.normalise
      ? "Causal linear attention weights φ(q_t)ᵀφ(k_i) / Σ_j φ(q_t)ᵀφ(k_j), rows are queries"
      : "Causal linear attention weights φ(q_t)ᵀφ(k_i), rows are queries";
    return [
      { values: attention.weights, rowLabels: s.tokens, colLabels: s.tokens, title, masked: (i, j) => j > i },
      { scale: "scores", selectedRow: s.step, digits: 2 },
    ];
  }, []);
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [], (element, s) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = currentAttention(s) ? String(s.resultVersion) : "";
  });
  return (
    <section className="dw-panel dw-fw-attention" data-kind="attention" aria-label="Attention form">
      <p className="dw-panel-title">Attention form: causal weights (row t times V is token t's output)</p>
      <div ref={ref} />
    </section>
  );
}
