import { useMemo } from "react";
import { type Matrix, matrix } from "../../core/matrix";
import type { HeadMaps as Maps } from "../../core/training";
import type { HeatmapData, HeatmapOptions } from "../../viz/heatmap";
import { AttentionHeatmap } from "./AttentionHeatmap";
import { INDUCTION_MODELS, positionedToken } from "./inductionTask";

/** Causal attention: a position never looks ahead, so the upper triangle is masked (hatched). */
const causal = (row: number, col: number) => col > row;

/** Cells of 9 px for the full 24 positions, larger for a short sequence of the reader's (up to 20 px). */
export const cellSizeFor = (length: number) =>
  Math.max(9, Math.min(20, Math.floor(216 / Math.max(1, length))));

interface HeadMapsProps {
  /** The sequence the maps were computed on. */
  tokens: readonly number[];
  attention: Maps;
  /** Whose sequence it is, for the title: the fixed probe or the reader's. */
  yours: boolean;
}

/** A head's [T, T] weights, trimmed to the sequence (a probe shorter than T is drawn at its own length). */
function trimmed(weights: Matrix, length: number): Matrix {
  if (weights.rows === length && weights.cols === length) return weights;
  const n = Math.min(length, weights.rows, weights.cols);
  const out = matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) out.data[i * n + j] = weights.data[i * weights.cols + j];
  return out;
}

interface HeadMapProps {
  /** On screen, under the model's name: "layer 1 · head 2". */
  name: string;
  /** For assistive technology: "2-layer model, layer 1, head 2". */
  title: string;
  weights: Matrix;
  labels: string[];
}

function HeadMap({ name, title, weights, labels }: HeadMapProps) {
  const data = useMemo(
    (): HeatmapData => ({
      values: trimmed(weights, labels.length),
      rowLabels: labels,
      colLabels: labels,
      title: `Attention weights, ${title}: each row is a position, each column the position it attends to`,
      masked: causal,
    }),
    [weights, labels, title],
  );
  const options = useMemo(
    (): HeatmapOptions => ({ scale: "weights", digits: 2, cellSize: cellSizeFor(labels.length) }),
    [labels.length],
  );
  return (
    <section className="dw-panel dw-ih-head" aria-label={`Attention weights, ${title}`}>
      <p className="dw-panel-title">{name}</p>
      <AttentionHeatmap data={data} options={options} />
    </section>
  );
}

/**
 * The attention weights of every head of both models on one sequence: the 2-layer model's four
 * heads (a previous-token head in layer 1 and an induction head in layer 2 once it has learned)
 * and the 1-layer model's two. Rows and columns are the tokens with their positions.
 */
export function HeadMaps({ tokens, attention, yours }: HeadMapsProps) {
  const labels = useMemo(() => tokens.map((id, t) => positionedToken(id, t)), [tokens]);
  return (
    <div className="dw-ih-maps" data-kind="heads" data-sequence={yours ? "yours" : "probe"}>
      <p className="dw-panel-title">
        {yours
          ? "Every head’s attention on your sequence"
          : "Every head’s attention on a fixed repeated sequence"}
      </p>
      {INDUCTION_MODELS.map((m) => {
        const layers = attention[m.id];
        if (!layers) return null;
        return (
          <div key={m.id} className="dw-ih-model" data-model={m.id}>
            <p className="dw-ih-model-name">{m.name} model</p>
            <div className="dw-ih-grid">
              {layers.flatMap((heads, l) =>
                heads.map((weights, h) => {
                  const name = `layer ${l + 1} · head ${h + 1}`;
                  const title = `${m.name} model, layer ${l + 1}, head ${h + 1}`;
                  return <HeadMap key={name} name={name} title={title} weights={weights} labels={labels} />;
                }),
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
