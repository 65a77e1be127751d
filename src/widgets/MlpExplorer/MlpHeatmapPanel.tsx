import { useCallback } from "react";
import type { Matrix } from "../../core/matrix";
import { useMlpStoreApi } from "../../state/mlpContext";
import { activePattern } from "../../state/mlpCounters";
import { currentMlpResult, type MlpActions, type MlpState } from "../../state/mlpStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = MlpState & MlpActions;

/** a, b: the fixed parameters; hidden: H = σ(XAᵀ); gates: which units are on, 1[XAᵀ > 0]. */
export type MlpPanelKind = "a" | "b" | "hidden" | "gates";

const units = (count: number) => Array.from({ length: count }, (_, h) => `h${h + 1}`);
const INPUTS = ["x₁", "x₂"];
const OUTPUTS = ["out₁", "out₂"];

interface PanelSpec {
  heading: string;
  title: string;
  /** What the drawing depends on; the panel redraws only when one of these changes. */
  inputs(s: State): readonly unknown[];
  view(s: State): { values: Matrix; rowLabels: string[]; colLabels: string[] } | null;
  options: HeatmapOptions;
}

/** Cell side in px for the small parameter matrices, which would otherwise be drawn huge. */
const PARAMETER_CELL = 30;

const SPECS: Record<MlpPanelKind, PanelSpec> = {
  a: {
    heading: "A (first layer, fixed)",
    title: "First-layer weights A, one row per hidden unit",
    inputs: (s) => [s.a],
    view: (s) => ({ values: s.a, rowLabels: units(s.a.rows), colLabels: INPUTS }),
    options: { scale: "scores", cellSize: PARAMETER_CELL },
  },
  b: {
    heading: "B (second layer, fixed)",
    title: "Second-layer weights B, one column per hidden unit",
    inputs: (s) => [s.b],
    view: (s) => ({ values: s.b, rowLabels: OUTPUTS, colLabels: units(s.b.cols) }),
    options: { scale: "scores", cellSize: PARAMETER_CELL },
  },
  hidden: {
    heading: "Hidden activations σ(xAᵀ)",
    title: "Hidden activations, one row per token",
    inputs: (s) => [currentMlpResult(s), s.tokens],
    view: (s) => {
      const result = currentMlpResult(s);
      return result
        ? { values: result.hidden, rowLabels: s.tokens, colLabels: units(result.hidden.cols) }
        : null;
    },
    options: { scale: "scores" },
  },
  gates: {
    heading: "On/off pattern 1[xAᵀ > 0]",
    title: "Which hidden units are on (1) or off (0) for each token",
    inputs: (s) => [currentMlpResult(s), s.tokens],
    view: (s) => {
      const result = currentMlpResult(s);
      if (!result) return null;
      const gates = activePattern(result.preActivations);
      return { values: gates, rowLabels: s.tokens, colLabels: units(gates.cols) };
    },
    options: { scale: "weights", digits: 0 },
  },
};

/**
 * One labelled heatmap of the MLP, drawn straight from the store. A and B are drawn once and
 * never again, because nothing replaces them; the hidden panels redraw when a result lands, and
 * `data-result-version` names the result on screen so tests can wait for a repaint.
 */
export function MlpHeatmapPanel({ kind }: { kind: MlpPanelKind }) {
  const store = useMlpStoreApi();
  const spec = SPECS[kind];
  const inputs = useCallback((s: State) => spec.inputs(s), [spec]);
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] | null => {
      const built = spec.view(s);
      return built ? [{ ...built, title: spec.title }, spec.options] : null;
    },
    [spec],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [spec], (element, s) => {
    const panel = element.parentElement;
    if (panel && (kind === "hidden" || kind === "gates")) {
      panel.dataset.resultVersion = currentMlpResult(s) ? String(s.resultVersion) : "";
    }
  });

  return (
    <section className="dw-panel dw-heatmap-panel" aria-label={spec.title} data-kind={kind}>
      <p className="dw-panel-title">{spec.heading}</p>
      <div ref={ref} />
    </section>
  );
}
