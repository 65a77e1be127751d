import { toRows } from "../../core/matrix";
import { changesSinceBaseline } from "../../state/inContextRegressionStats";
import type { InContextRegressionState, RegressionMode } from "../../state/inContextRegressionStore";

/** What a host page reads from the InContextRegression root element as `element.value`. */
export interface InContextRegressionFigureValue {
  mode: RegressionMode;
  seed: number;
  /** d of the inputs on screen (1 on the line). */
  d: number;
  eta: number;
  /** K, layers stacked and gradient steps taken. */
  layers: number;
  /** The examples on screen, one row (x_1…x_d, y) each. */
  examples: number[][];
  /** The query inputs, one row each. */
  queries: number[][];
  /** Gradient descent's predictions for the queries after K steps, for the examples on screen. */
  gdPredictions: number[];
  /** The newest result (null before the first): its own inputs, and what was computed from them. */
  result: {
    examples: number[][];
    layers: number;
    /** The attention layers' predictions after K layers, one per query (engine). */
    lsaPredictions: number[];
    /** Gradient descent's after K steps on the same examples (core). */
    gdPredictions: number[];
    /** max over queries |lsa − gd| after K, and after each k ≤ K. */
    maxDifference: number;
    layerDifferences: number[];
    /** The layer's parameters as given to the engine. */
    parameters: { wk: number[][]; wq: number[][]; wv: number[][]; projection: number[][] };
    /** W_eff [d, 1] from the engine's fast weights, and W_K [d, 1] of gradient descent. */
    effective: number[][];
    gdWeights: number[][];
    backend: string | null;
  } | null;
  /** Largest change of the parameters / of W_eff since the first result of this setting. */
  parameterChange: number | null;
  effectiveChange: number | null;
  resultVersion: number;
}

const examplesOf = (xs: { rows: number; cols: number; data: Float64Array }, ys: Float64Array) =>
  toRows(xs).map((x, i) => [...x, ys[i]]);

export function figureValue(s: InContextRegressionState): InContextRegressionFigureValue {
  const { result, baseline } = s;
  const changes = result && baseline ? changesSinceBaseline(result, baseline) : null;
  const k = result?.job.layers ?? s.layers;
  return {
    mode: s.mode,
    seed: s.seed,
    d: s.context.xs.cols,
    eta: s.eta,
    layers: s.layers,
    examples: examplesOf(s.context.xs, s.context.ys.data),
    queries: toRows(s.queries),
    gdPredictions: Array.from(s.gd.predictions[s.layers - 1].data),
    result: result
      ? {
          examples: examplesOf(result.job.context.xs, result.job.context.ys.data),
          layers: k,
          lsaPredictions: Array.from(result.lsa.predictions[k - 1].data),
          gdPredictions: Array.from(result.gd.predictions[k - 1].data),
          maxDifference: result.maxDifference,
          layerDifferences: [...result.layerDifferences],
          parameters: {
            wk: toRows(result.job.layer.wk),
            wq: toRows(result.job.layer.wq),
            wv: toRows(result.job.layer.wv),
            projection: toRows(result.job.layer.projection),
          },
          effective: toRows(result.effective),
          gdWeights: toRows(result.gd.weights[k - 1]),
          backend: result.backend,
        }
      : null,
    parameterChange: changes?.parameters ?? null,
    effectiveChange: changes?.effective ?? null,
    resultVersion: s.resultVersion,
  };
}
