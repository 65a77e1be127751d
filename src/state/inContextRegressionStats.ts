import { type GradientStepsResult, gradientSteps } from "../core/gradientDescent";
import { effectiveWeights, type LsaLayer, type LsaResult } from "../core/linearSelfAttention";
import type { Matrix } from "../core/matrix";
import type { RegressionJob, RegressionMode } from "./inContextRegressionStore";

/** What the figure's checks hold fixed: the parameters depend on these and on nothing else. */
export interface RegressionSetting {
  mode: RegressionMode;
  d: number;
  n: number;
  eta: number;
  layers: number;
}

export const settingOf = (job: RegressionJob): RegressionSetting => ({
  mode: job.mode,
  d: job.context.xs.cols,
  n: job.context.xs.rows,
  eta: job.eta,
  layers: job.layers,
});

export const sameSetting = (a: RegressionSetting, b: RegressionSetting) =>
  a.mode === b.mode && a.d === b.d && a.n === b.n && a.eta === b.eta && a.layers === b.layers;

/** One engine result with what the figure shows next to it, all for the job's own inputs. */
export interface RegressionResult {
  job: RegressionJob;
  /** The K stacked layers, computed by the engine (tfjs, float32). */
  lsa: LsaResult;
  /** K gradient steps on the same context and queries (core, float64). */
  gd: GradientStepsResult;
  /** W_eff [d, 1]: the weights the K layers apply to a query, read from the engine's fast weights. */
  effective: Matrix;
  /** For k = 1..K: the largest |layer k's prediction − step k's prediction| over the queries. */
  layerDifferences: number[];
  /** The same after all K layers: the number the figure reports. */
  maxDifference: number;
  /** The backend that computed `lsa` (e.g. "cpu", "webgpu"), when known. */
  backend: string | null;
}

/**
 * The largest |a − b| over two matrices of equal shape; a shape mismatch or a NaN counts as
 * Infinity, so a broken result can never pass for agreement.
 */
export function maxAbsDifference(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let e = 0; e < a.data.length; e++) {
    const diff = Math.abs(a.data[e] - b.data[e]);
    if (!(diff <= worst)) worst = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff;
  }
  return worst;
}

/** The largest entry-wise difference between two layers' W_K, W_Q, W_V and P. */
export function parameterChange(a: LsaLayer, b: LsaLayer): number {
  return Math.max(
    maxAbsDifference(a.wk, b.wk),
    maxAbsDifference(a.wq, b.wq),
    maxAbsDifference(a.wv, b.wv),
    maxAbsDifference(a.projection, b.projection),
  );
}

/** Compares the engine's K layers with K gradient steps computed by core on the job's inputs. */
export function regressionResult(
  job: RegressionJob,
  lsa: LsaResult,
  backend: string | null = null,
): RegressionResult {
  const gd = gradientSteps(job.context, job.queries, job.eta, job.layers);
  const layerDifferences = gd.predictions.map((expected, k) =>
    lsa.predictions[k] ? maxAbsDifference(lsa.predictions[k], expected) : Number.POSITIVE_INFINITY,
  );
  return {
    job,
    lsa,
    gd,
    effective: effectiveWeights(lsa.fastWeights, job.context.xs.cols),
    layerDifferences,
    maxDifference: layerDifferences[layerDifferences.length - 1],
    backend,
  };
}

/** How the figure's checks stand: parameter and W_eff changes since the setting's first result. */
export function changesSinceBaseline(
  result: RegressionResult,
  baseline: RegressionResult,
): { parameters: number; effective: number } {
  return {
    parameters: parameterChange(result.job.layer, baseline.job.layer),
    effective: maxAbsDifference(result.effective, baseline.effective),
  };
}
