import { useCallback } from "react";
import type { Normalisation } from "../../core/attention";
import { useAttention, useAttentionStoreApi } from "../../state/attentionContext";
import type { AttentionActions, AttentionState } from "../../state/attentionStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { currentResult } from "./currentResult";

type State = AttentionState & AttentionActions;

const OVER: Record<Normalisation, string> = {
  rows: "row by row",
  columns: "column by column",
  all: "over the whole matrix",
};

/** The panel's accessible title, in the words of the current settings. */
function titleOf(kind: "scores" | "weights", s: AttentionState): string {
  const scores = s.scale ? "QKᵀ/√d" : "QKᵀ";
  return kind === "scores"
    ? `Scores ${scores}`
    : `Attention weights softmax(${scores}), ${OVER[s.normalisation]}`;
}

/**
 * One n × n heatmap of the newest result, the scores or the weights (rows are queries). It is
 * redrawn straight from the store when a result lands; `data-result-version` on the panel names
 * the result on screen, so tests and the benchmark can wait for a repaint.
 */
export function HeatmapPanel({ kind }: { kind: "scores" | "weights" }) {
  const store = useAttentionStoreApi();
  const inputs = useCallback(
    (s: State) => [currentResult(s), s.tokens, s.selectedRow, s.normalisation, s.scale],
    [],
  );
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] | null => {
      const result = currentResult(s);
      if (!result) return null;
      const { scores } = result;
      return [
        {
          values: result[kind],
          rowLabels: s.tokens,
          colLabels: s.tokens,
          title: titleOf(kind, s),
          // Hidden entries (causal, hidden keys) are hatched in the weights too, not shown as 0.
          masked: (i, j) => scores.data[i * scores.cols + j] === Number.NEGATIVE_INFINITY,
        },
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
  const title = useAttention((s) => titleOf(kind, s));
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [kind], (element, s) => {
    const panel = element.parentElement;
    if (!panel) return;
    panel.dataset.resultVersion = currentResult(s) ? String(s.resultVersion) : "";
    panel.dataset.computeMs = s.computeMs === null ? "" : String(s.computeMs);
  });

  return (
    <section className="dw-panel dw-heatmap-panel" aria-label={title} data-kind={kind}>
      {/* Not a heading: the widget may sit under any heading level in someone else's page. */}
      <p className="dw-panel-title">{kind === "scores" ? "Scores" : "Weights"}</p>
      <div ref={ref} />
    </section>
  );
}
