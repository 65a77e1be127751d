import { useCallback } from "react";
import { useLargeAttentionStoreApi } from "../../state/largeAttentionContext";
import type { LargeAttentionActions, LargeAttentionState } from "../../state/largeAttentionStore";
import {
  drawPooledHeatmap,
  type PooledHeatmapData,
  type PooledHeatmapOptions,
} from "../../viz/pooledHeatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = LargeAttentionState & LargeAttentionActions;
type Kind = "scores" | "weights";

const TITLES: Record<Kind, string> = {
  scores: "Scores QKᵀ/√d",
  weights: "Weights softmax(QKᵀ/√d)",
};

function heatmapView(
  s: State,
  kind: Kind,
  options: PooledHeatmapOptions,
): readonly [PooledHeatmapData, PooledHeatmapOptions] | null {
  const r = s.result;
  if (!r) return null;
  return [
    {
      image: kind === "scores" ? r.scores : r.weights,
      n: r.job.n,
      view: r.job.view,
      scale: kind,
      scoreRange: r.scoreRange,
      title: `${TITLES[kind]}, n = ${r.job.n}`,
    },
    options,
  ];
}

/** One pooled matrix, drawn from the newest result; hover and zoom go to the store (both panels share them). */
function MatrixPanel({ kind }: { kind: Kind }) {
  const store = useLargeAttentionStoreApi();
  const inputs = useCallback((s: State) => [s.result], []);
  const view = useCallback(
    (s: State) =>
      heatmapView(s, kind, {
        onHover: (cell) => store.getState().setHover(cell ? { row: cell.row, col: cell.col } : null),
        onZoom: (next) => store.getState().setView(next),
      }),
    [store, kind],
  );
  // `data-result-version` names the result drawn, as on the other widgets' panels, so tests and
  // the benchmark can wait for a repaint.
  const ref = useStoreRenderer(store, drawPooledHeatmap, inputs, view, [], (element, s) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = s.result ? String(s.resultVersion) : "";
  });
  return (
    <section className="dw-panel dw-large-matrix" data-kind={kind} aria-label={TITLES[kind]}>
      <p className="dw-panel-title">{TITLES[kind]}</p>
      <div ref={ref} />
    </section>
  );
}

/** Scores and weights side by side, zoomed together: a block of n × n, pooled on the backend. */
export function MatrixPanels() {
  return (
    <div className="dw-large-matrices">
      <MatrixPanel kind="scores" />
      <MatrixPanel kind="weights" />
    </div>
  );
}
