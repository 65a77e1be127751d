import { useCallback } from "react";
import type { FastWeightResult } from "../../core/fastWeightMemory";
import { type Matrix, matrix } from "../../core/matrix";
import { useFastWeights, useFastWeightsStoreApi } from "../../state/fastWeightsContext";
import type { FastWeightsActions, FastWeightsState } from "../../state/fastWeightsStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = FastWeightsState & FastWeightsActions;
type Which = "before" | "update" | "after";

const VALUE_DIMS = ["v1", "v2", "v3", "v4"];
const KEY_DIMS = ["k1", "k2", "k3", "k4"];

/** One colour scale for the whole sequence, so a cell's colour means the same number at every t. */
function extentOf(memory: FastWeightResult): number {
  let largest = 0;
  for (const m of [...memory.memories, ...memory.updates]) {
    for (const x of m.data) if (Number.isFinite(x)) largest = Math.max(largest, Math.abs(x));
  }
  return largest > 0 ? largest : 1;
}

function matrixOf(which: Which, memory: FastWeightResult, t: number): Matrix {
  if (which === "update") return memory.updates[t];
  if (which === "after") return memory.memories[t];
  return t === 0 ? matrix(memory.memories[0].rows, memory.memories[0].cols) : memory.memories[t - 1];
}

function titleOf(which: Which, s: FastWeightsState): string {
  const t = s.step + 1;
  const token = s.tokens[s.step] ?? "";
  if (which === "before") return `Fast weights W_${t - 1} before token ${t}`;
  if (which === "after") return `Fast weights W_${t} after token ${t}, “${token}”`;
  return s.rule === "sum"
    ? `Update added by token ${t}, “${token}”: v_${t} φ(k_${t})ᵀ`
    : `Update added by token ${t}, “${token}”: β (v_${t} − W_${t - 1}φ(k_${t})) φ(k_${t})ᵀ`;
}

const HEADINGS: Record<Which, (t: number) => string> = {
  before: (t) => `W${sub(t - 1)}`,
  update: (t) => `+ ΔW${sub(t)}`,
  after: (t) => `= W${sub(t)}`,
};

function sub(t: number): string {
  const digits = "₀₁₂₃₄₅₆₇₈₉";
  return String(t).replace(/\d/g, (d) => digits[Number(d)]);
}

function MemoryHeatmap({ which }: { which: Which }) {
  const store = useFastWeightsStoreApi();
  const step = useFastWeights((s) => s.step);
  const inputs = useCallback((s: State) => [s.memory, s.step, s.rule], []);
  const view = useCallback(
    (s: State): readonly [HeatmapData, HeatmapOptions] | null => {
      const memory = s.memory;
      if (!memory?.memories[s.step]) return null;
      return [
        {
          values: matrixOf(which, memory, s.step),
          rowLabels: VALUE_DIMS,
          colLabels: KEY_DIMS,
          title: titleOf(which, s),
        },
        { scale: "scores", cellSize: 34, digits: 2, scoreExtent: extentOf(memory) },
      ];
    },
    [which],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [which]);
  return (
    <section className="dw-panel dw-fw-matrix" data-kind={which} aria-label={HEADINGS[which](step + 1)}>
      <p className="dw-panel-title">{HEADINGS[which](step + 1)}</p>
      <div ref={ref} />
    </section>
  );
}

/**
 * The memory as an equation of heatmaps: W_{t−1} + ΔW_t = W_t. Rows are value dimensions,
 * columns key features; the colour scale is fixed for the whole sentence.
 */
export function MemoryPanel() {
  const rule = useFastWeights((s) => s.rule);
  return (
    <div className="dw-fw-memory">
      <p className="dw-panel-title">
        The fast weight matrix, written one token at a time (
        {rule === "sum"
          ? "sum rule: every token adds its outer product"
          : "delta rule: each token corrects what its key held"}
        )
      </p>
      <div className="dw-fw-equation">
        <MemoryHeatmap which="before" />
        <MemoryHeatmap which="update" />
        <MemoryHeatmap which="after" />
      </div>
    </div>
  );
}
