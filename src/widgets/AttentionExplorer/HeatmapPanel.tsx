import { useCallback } from "react";
import { useAttentionStoreApi } from "../../state/attentionContext";
import type { AttentionActions, AttentionState } from "../../state/attentionStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { currentResult } from "./currentResult";

type State = AttentionState & AttentionActions;

const TITLES = {
  scores: "Scores QKᵀ/√d",
  weights: "Attention weights softmax(QKᵀ/√d), row by row",
} as const;

/**
 * One n × n heatmap of the newest result, the scores or the weights (rows are queries). It is
 * redrawn straight from the store when a result lands; `data-result-version` on the panel names
 * the result on screen, so tests and the benchmark can wait for a repaint.
 */
export function HeatmapPanel({ kind }: { kind: "scores" | "weights" }) {
  const store = useAttentionStoreApi();
  const inputs = useCallback((s: State) => [currentResult(s), s.tokens, s.selectedRow], []);
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] | null => {
      const result = currentResult(s);
      if (!result) return null;
      return [
        { values: result[kind], rowLabels: s.tokens, colLabels: s.tokens, title: TITLES[kind] },
        {
          scale: kind,
          selectedRow: s.selectedRow,
          onSelectRow: (index) => {
            if (index !== null) s.selectRow(index);
          },
        },
      ];
    },
    [kind],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [kind], (element, s) => {
    const panel = element.parentElement;
    if (!panel) return;
    panel.dataset.resultVersion = currentResult(s) ? String(s.resultVersion) : "";
    panel.dataset.computeMs = s.computeMs === null ? "" : String(s.computeMs);
  });

  return (
    <section className="dw-panel dw-heatmap-panel" aria-label={TITLES[kind]} data-kind={kind}>
      {/* Not a heading: the widget may sit under any heading level in someone else's page. */}
      <p className="dw-panel-title">{kind === "scores" ? "Scores" : "Weights"}</p>
      <div ref={ref} />
    </section>
  );
}
