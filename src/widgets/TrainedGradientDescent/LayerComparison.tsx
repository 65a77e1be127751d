import { useCallback } from "react";
import type { StoreApi } from "zustand";
import type { Matrix } from "../../core/matrix";
import type { GdSnapshot } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { type Role, roleColor } from "../../viz/palette";
import { REGRESSION_TASK } from "../shared/regressionLines";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { type GdComparison, gdComparison, sharedExtent } from "./layerProducts";

type Store = StoreApi<TrainingState<GdSnapshot>>;

interface Pair {
  kind: string;
  title: string;
  role: Role;
  learned: { name: string; pick(c: GdComparison): Matrix };
  constructed: { name: string; pick(c: GdComparison): Matrix };
  /** Row and column labels: the token's entries, or the inputs only for A. */
  withTarget: boolean;
}

const PAIRS: readonly Pair[] = [
  {
    kind: "scores",
    title: "Scores: M = W_Q·W_Kᵀ",
    role: "query",
    learned: { name: "M learned", pick: (c) => c.learned.scores },
    constructed: { name: "M constructed", pick: (c) => c.constructed.scores },
    withTarget: true,
  },
  {
    kind: "values",
    title: "Values: B = W_V·P",
    role: "value",
    learned: { name: "B learned", pick: (c) => c.learned.values },
    constructed: { name: "B constructed", pick: (c) => c.constructed.values },
    withTarget: true,
  },
  {
    kind: "preconditioner",
    title: "The step it takes: A against η*·I",
    role: "output",
    learned: { name: "A learned", pick: (c) => c.preconditioner },
    constructed: { name: "η*·I", pick: (c) => c.plainStep },
    withTarget: false,
  },
];

const inputLabels = (d: number) => Array.from({ length: d }, (_, a) => `x${a + 1}`);

function PairHeatmap({ store, pair, side }: { store: Store; pair: Pair; side: "learned" | "constructed" }) {
  const inputs = useCallback((s: TrainingState<GdSnapshot>) => [s.snapshot], []);
  const view = useCallback(
    (s: TrainingState<GdSnapshot>): readonly [HeatmapData, HeatmapOptions] | null => {
      if (!s.snapshot) return null;
      const comparison = gdComparison(s.snapshot, REGRESSION_TASK);
      const values = pair[side].pick(comparison);
      // One colour scale per pair: equal colours mean equal numbers across the two panels.
      const extent = sharedExtent(pair.learned.pick(comparison), pair.constructed.pick(comparison));
      const labels = pair.withTarget ? [...inputLabels(values.rows - 1), "y"] : inputLabels(values.rows);
      return [
        { values, rowLabels: labels, colLabels: labels, title: `${pair[side].name} (${pair.title})` },
        { scale: "scores", scoreExtent: extent, digits: 2, cellSize: 20 },
      ];
    },
    [pair, side],
  );
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [pair, side]);
  const name = pair[side].name;
  return (
    <section className="dw-panel dw-heatmap-panel" data-kind={`${pair.kind}-${side}`} aria-label={name}>
      <p className="dw-panel-title">
        <span className="dw-swatch" style={{ background: roleColor(pair.role) }} aria-hidden="true" />
        {name}
      </p>
      <div ref={ref} />
    </section>
  );
}

/**
 * The learned layer beside Part II's construction with the best learning rate η*, compared
 * where comparison means something: the products M and B, and the preconditioner A the layer
 * applies to the gradient. Each pair shares one diverging colour scale.
 */
export function LayerComparison({ store }: { store: Store }) {
  return (
    <div className="dw-tgd-comparison">
      {PAIRS.map((pair) => (
        <section key={pair.kind} className="dw-tgd-pair" data-kind={pair.kind} aria-label={pair.title}>
          <p className="dw-panel-title">{pair.title}</p>
          <div className="dw-tgd-pair-maps">
            <PairHeatmap store={store} pair={pair} side="learned" />
            <PairHeatmap store={store} pair={pair} side="constructed" />
          </div>
        </section>
      ))}
      <p className="dw-tgd-caption">
        W_Q and W_K are only defined up to an invertible map (W_Q·G with W_K·G⁻ᵀ is the same layer), and so
        are W_V and P, so the learned matrices are compared through their products. Those keep one shared
        scale (c·M with B/c is the same layer too); the learned pair is drawn with c chosen so that M’s input
        block has trace d, as in the construction.
      </p>
    </div>
  );
}
