import type { InContextRegressionState, RegressionMode } from "../inContextRegressionStore";
import {
  etaOnGrid,
  MAX_DIMENSION,
  MAX_ETA,
  MAX_EXAMPLES,
  MAX_LAYERS,
  MIN_DIMENSION,
  MIN_ETA,
  MIN_EXAMPLES,
  MIN_LAYERS,
  REGRESSION_DEFAULTS,
  sampleContext,
  X_LIMIT,
  Y_LIMIT,
} from "../regressionTasks";
import { defineCodec } from "./codec";
import { seedField } from "./commonFields";
import { choiceField, numberField, numbersField } from "./fields";

/**
 * Everything a link to the in-context regression figure restores. The predictions, the layer's
 * parameters and W_eff are recomputed from it.
 */
export interface InContextRegressionShared {
  mode: RegressionMode;
  /** Seeds the task: the d-D examples and queries, and the line's next added example. */
  seed: number;
  /** d of the inputs in d-D. */
  d: number;
  /** Learning rate η, on the slider's grid. */
  eta: number;
  /** K: layers stacked, gradient steps taken. */
  layers: number;
  /** The line's examples as the reader left them: x, y for each, in order. */
  examples: readonly number[];
  /** N, the examples in d-D. */
  n: number;
}

/** Examples as one list of x, y pairs. */
function pairs(xs: ArrayLike<number>, ys: ArrayLike<number>): number[] {
  return Array.from(xs, (x, i) => [x, ys[i] as number]).flat();
}

const seeded = sampleContext(REGRESSION_DEFAULTS.seed, 1, REGRESSION_DEFAULTS.lineCount);
const DEFAULT_EXAMPLES = pairs(seeded.xs.data, seeded.ys.data);

export const inContextRegressionCodec = defineCodec<InContextRegressionShared>({
  name: "regression",
  version: 1,
  fields: {
    mode: choiceField({
      values: ["line", "space"] as const,
      fallback: "line",
      doc: "line: drag 1-D examples; space: a seeded task in d dimensions",
    }),
    seed: seedField(REGRESSION_DEFAULTS.seed, "seed of the task"),
    d: numberField({
      fallback: REGRESSION_DEFAULTS.dimension,
      min: MIN_DIMENSION,
      max: MAX_DIMENSION,
      integer: true,
      doc: "input dimension d in d-D",
    }),
    eta: numberField({
      fallback: REGRESSION_DEFAULTS.eta,
      min: MIN_ETA,
      max: MAX_ETA,
      doc: "learning rate η (a multiple of 0.05)",
    }),
    layers: numberField({
      fallback: 1,
      min: MIN_LAYERS,
      max: MAX_LAYERS,
      integer: true,
      doc: "K, attention layers = gradient steps",
    }),
    examples: numbersField({
      fallback: DEFAULT_EXAMPLES,
      min: -Y_LIMIT,
      max: Y_LIMIT,
      minLength: 2 * MIN_EXAMPLES,
      maxLength: 2 * MAX_EXAMPLES,
      group: 2,
      doc: `the line's examples as x,y pairs (|x| ≤ ${X_LIMIT}, |y| ≤ ${Y_LIMIT})`,
    }),
    n: numberField({
      fallback: REGRESSION_DEFAULTS.spaceCount,
      min: MIN_EXAMPLES,
      max: MAX_EXAMPLES,
      integer: true,
      doc: "examples N in d-D",
    }),
  },
  check(state) {
    const messages: string[] = [];
    const eta = etaOnGrid(state.eta);
    if (eta !== state.eta)
      messages.push(`η = ${state.eta} is not on the slider's steps of 0.05; using ${eta}.`);
    // Keep the pairs whose x lies on the plot; y is already within ±Y_LIMIT.
    const inPlot: number[] = [];
    for (let i = 0; i + 1 < state.examples.length; i += 2) {
      const [x, y] = [state.examples[i] as number, state.examples[i + 1] as number];
      if (Math.abs(x) <= X_LIMIT) inPlot.push(x, y);
    }
    let examples: readonly number[] = state.examples;
    if (inPlot.length < state.examples.length) {
      const dropped = (state.examples.length - inPlot.length) / 2;
      const none = inPlot.length === 0;
      examples = none ? DEFAULT_EXAMPLES : inPlot;
      messages.push(
        `Left out ${dropped} example${dropped === 1 ? "" : "s"} with |x| > ${X_LIMIT}, outside the plot${none ? "; the line starts from its seeded examples" : ""}.`,
      );
    }
    return { state: { ...state, eta, examples }, messages };
  },
});

/** The shareable part of an in-context regression figure's store. */
export function inContextRegressionShared(s: InContextRegressionState): InContextRegressionShared {
  return {
    mode: s.mode,
    seed: s.seed,
    d: s.dimension,
    eta: s.eta,
    layers: s.layers,
    examples: pairs(s.lineExamples.xs.data, s.lineExamples.ys.data),
    n: s.spaceCount,
  };
}
