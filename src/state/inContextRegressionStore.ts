import { createStore, type StoreApi } from "zustand/vanilla";
import { type GradientStepsResult, gradientSteps } from "../core/gradientDescent";
import { constructGdLayer, type LsaLayer, type LsaResult } from "../core/linearSelfAttention";
import { type Matrix, matrix } from "../core/matrix";
import type { RegressionContext } from "../core/regression";
import { type RegressionResult, regressionResult, sameSetting, settingOf } from "./inContextRegressionStats";
import {
  clampTo,
  etaOnGrid,
  lineQueries,
  MAX_DIMENSION,
  MAX_EXAMPLES,
  MAX_LAYERS,
  MIN_DIMENSION,
  MIN_EXAMPLES,
  MIN_LAYERS,
  REGRESSION_DEFAULTS,
  sampleContext,
  sampleExample,
  spaceQueries,
  X_LIMIT,
  Y_LIMIT,
} from "./regressionTasks";
import type { InContextRegressionShared } from "./share/inContextRegressionShare";
import type { InlineMessage } from "./tokenPoints";

/** "line": 1-D inputs the reader drags; "space": seeded d-D inputs, predictions in a table. */
export type RegressionMode = "line" | "space";

/** What one engine call is for: the inputs, and the layer parameters exactly as handed over. */
export interface RegressionJob {
  mode: RegressionMode;
  context: RegressionContext;
  queries: Matrix;
  eta: number;
  /** K, how many copies of `layer` are stacked. */
  layers: number;
  /** Built afresh for every job from (d, η, N) alone, so the "unchanged" check compares real copies. */
  layer: LsaLayer;
}

export interface InContextRegressionState {
  mode: RegressionMode;
  /** Seeds the task, its examples and the d-D queries; part of the shareable state. */
  seed: number;
  /** d in "space" mode (the line is always d = 1). */
  dimension: number;
  /** Learning rate η of gradient descent, and of the constructed layer's P = (η/N)·I. */
  eta: number;
  /** K: attention layers stacked, and gradient steps taken. */
  layers: number;
  /** The line's examples as the reader left them (kept while the figure shows d-D). */
  lineExamples: RegressionContext;
  /** N in "space" mode. */
  spaceCount: number;
  /** The examples in the context now: X [N, d], Y [N, 1]. */
  context: RegressionContext;
  /** The query inputs X_q [M, d]: a grid on the line, seeded points in d-D. */
  queries: Matrix;
  /** K steps of gradient descent on `context` (core, float64), recomputed at once on every change. */
  gd: GradientStepsResult;
  message: InlineMessage | null;
  /** The newest engine result with everything derived from it; its job may lag the state by a frame. */
  result: RegressionResult | null;
  /** The first result of the current setting (mode, d, η, N, K): what the checks compare with. */
  baseline: RegressionResult | null;
  computeMs: number | null;
  resultVersion: number;
  computeError: string | null;
}

export interface InContextRegressionActions {
  /** Moves line example `index` to (x, y), clamped to the plotted domain; invalid input is ignored. */
  moveExample(index: number, xy: readonly [number, number]): void;
  addExample(): void;
  removeExample(): void;
  setMode(mode: RegressionMode): void;
  setDimension(d: number): void;
  setEta(eta: number): void;
  setLayers(k: number): void;
  setSeed(seed: number): void;
  /** Stores the engine's answer to `job`; `backend` names what computed it (for the figure's label). */
  setResult(job: RegressionJob, lsa: LsaResult, ms: number, backend?: string | null): void;
  setComputeError(message: string | null): void;
}

export type InContextRegressionStore = StoreApi<InContextRegressionState & InContextRegressionActions>;

export interface InContextRegressionStoreProps {
  mode?: RegressionMode;
  seed?: number;
  dimension?: number;
  eta?: number;
  layers?: number;
  /** Initial 1-D examples as (x, y) pairs; default: DEFAULT_LINE_COUNT from the seeded task. */
  examples?: readonly (readonly [number, number])[];
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: InContextRegressionShared;
}

/** The props a link's state stands for, and its number of d-D examples. */
function fromShared(shared: InContextRegressionShared) {
  const examples: [number, number][] = [];
  for (let i = 0; i + 1 < shared.examples.length; i += 2)
    examples.push([shared.examples[i] as number, shared.examples[i + 1] as number]);
  const props: InContextRegressionStoreProps = {
    mode: shared.mode,
    seed: shared.seed,
    dimension: shared.d,
    eta: shared.eta,
    layers: shared.layers,
    examples,
  };
  return { props, spaceCount: shared.n };
}

const {
  seed: DEFAULT_SEED,
  eta: DEFAULT_ETA,
  lineCount: DEFAULT_LINE_COUNT,
  spaceCount: DEFAULT_SPACE_COUNT,
  dimension: DEFAULT_DIMENSION,
} = REGRESSION_DEFAULTS;

const whole = (value: number | undefined, min: number, max: number, fallback: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value as number))) : fallback;
/** η on the slider's grid, so a URL cannot ask for a step the slider cannot show. */
const etaOf = (value: number | undefined, fallback: number) =>
  Number.isFinite(value) ? etaOnGrid(value as number) : fallback;
const seedOf = (value: number | undefined) =>
  Number.isFinite(value) ? Math.trunc(value as number) >>> 0 : DEFAULT_SEED;

/**
 * Initial line examples from props: non-finite pairs are left out, the rest clamped to the plot
 * and cut to MAX_EXAMPLES, each with a message; none usable means the seeded task.
 */
function initialLine(seed: number, given: InContextRegressionStoreProps["examples"]) {
  if (!given) return { examples: sampleContext(seed, 1, DEFAULT_LINE_COUNT), message: null };
  const finite = given.filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  const problems: string[] = [];
  if (finite.length < given.length)
    problems.push(`${given.length - finite.length} not finite numbers, left out`);
  const kept = finite.slice(0, MAX_EXAMPLES);
  if (kept.length < finite.length) problems.push(`only the first ${MAX_EXAMPLES} kept`);
  const clamped = kept.map(([x, y]) => [clampTo(x, X_LIMIT), clampTo(y, Y_LIMIT)] as const);
  if (clamped.some(([x, y], i) => x !== kept[i][0] || y !== kept[i][1])) {
    problems.push(`moved into the plot (|x| ≤ ${X_LIMIT}, |y| ≤ ${Y_LIMIT})`);
  }
  if (clamped.length === 0) {
    const text = "No usable examples were given; the figure starts from a seeded task.";
    return { examples: sampleContext(seed, 1, DEFAULT_LINE_COUNT), message: warning(text) };
  }
  return {
    examples: {
      xs: matrix(
        clamped.length,
        1,
        clamped.map((p) => p[0]),
      ),
      ys: matrix(
        clamped.length,
        1,
        clamped.map((p) => p[1]),
      ),
    },
    message: problems.length > 0 ? warning(`Of the examples given: ${problems.join("; ")}.`) : null,
  };
}

const warning = (text: string): InlineMessage => ({ kind: "warning", text });

/** One store per widget instance: hold it in `useState(() => createInContextRegressionStore(props))`. */
export function createInContextRegressionStore(
  given: InContextRegressionStoreProps = {},
): InContextRegressionStore {
  // A checked link state is a set of valid props (plus N in d-D), so it starts the store the same way.
  const linked = given.shared ? fromShared(given.shared) : null;
  const props = linked ? linked.props : given;
  const spaceCount = linked ? linked.spaceCount : DEFAULT_SPACE_COUNT;
  const seed = seedOf(props.seed);
  const mode: RegressionMode = props.mode === "space" ? "space" : "line";
  const dimension = whole(props.dimension, MIN_DIMENSION, MAX_DIMENSION, DEFAULT_DIMENSION);
  const eta = etaOf(props.eta, DEFAULT_ETA);
  const layers = whole(props.layers, MIN_LAYERS, MAX_LAYERS, 1);
  const line = initialLine(seed, props.examples);
  const drawn = { mode, seed, dimension, lineExamples: line.examples, spaceCount };
  const inputs = { context: contextOf(drawn), queries: queriesOf(drawn) };

  return createStore<InContextRegressionState & InContextRegressionActions>()((set, get) => {
    /** Sets `patch`, then recomputes what depends on it: the context, queries and gradient steps. */
    const update = (patch: Partial<InContextRegressionState>) => {
      const before = get();
      const s = { ...before, ...patch };
      // Inputs keep their identity unless what they are drawn from changed, so nothing recomputes for nothing.
      const newQueries = s.mode !== before.mode || s.seed !== before.seed || s.dimension !== before.dimension;
      const newContext =
        newQueries || s.lineExamples !== before.lineExamples || s.spaceCount !== before.spaceCount;
      const context = newContext ? contextOf(s) : before.context;
      const queries = newQueries ? queriesOf(s) : before.queries;
      const next = { context, queries };
      // Any action of the reader retires the previous message unless it brings its own.
      const message = "message" in patch ? patch.message : null;
      set({ ...patch, ...next, message, gd: gradientSteps(next.context, next.queries, s.eta, s.layers) });
    };

    return {
      mode,
      seed,
      dimension,
      eta,
      layers,
      lineExamples: line.examples,
      spaceCount,
      ...inputs,
      gd: gradientSteps(inputs.context, inputs.queries, eta, layers),
      message: line.message,
      result: null,
      baseline: null,
      computeMs: null,
      resultVersion: 0,
      computeError: null,

      moveExample(index, [x, y]) {
        const { lineExamples, mode } = get();
        if (mode !== "line" || !Number.isInteger(index) || index < 0 || index >= lineExamples.xs.rows) return;
        if (!Number.isFinite(x) || !Number.isFinite(y)) return;
        const xs = matrix(lineExamples.xs.rows, 1, lineExamples.xs.data);
        const ys = matrix(lineExamples.ys.rows, 1, lineExamples.ys.data);
        xs.data[index] = clampTo(x, X_LIMIT);
        ys.data[index] = clampTo(y, Y_LIMIT);
        update({ lineExamples: { xs, ys } });
      },

      addExample() {
        const s = get();
        const n = s.context.xs.rows;
        if (n >= MAX_EXAMPLES) {
          update({ message: warning(`The figure holds at most ${MAX_EXAMPLES} examples.`) });
        } else if (s.mode === "space") {
          update({ spaceCount: n + 1 });
        } else {
          const { x, y } = sampleExample(s.seed, 1, n);
          const xs = matrix(n + 1, 1, [...s.lineExamples.xs.data, x[0]]);
          const ys = matrix(n + 1, 1, [...s.lineExamples.ys.data, y]);
          update({ lineExamples: { xs, ys } });
        }
      },

      removeExample() {
        const s = get();
        const n = s.context.xs.rows;
        if (n <= MIN_EXAMPLES) {
          update({ message: warning("Gradient descent needs at least one example in the context.") });
        } else if (s.mode === "space") {
          update({ spaceCount: n - 1 });
        } else {
          const xs = matrix(n - 1, 1, s.lineExamples.xs.data.subarray(0, n - 1));
          const ys = matrix(n - 1, 1, s.lineExamples.ys.data.subarray(0, n - 1));
          update({ lineExamples: { xs, ys } });
        }
      },

      setMode(next) {
        if ((next === "line" || next === "space") && next !== get().mode) update({ mode: next });
      },

      setDimension(d) {
        const next = whole(d, MIN_DIMENSION, MAX_DIMENSION, get().dimension);
        if (next !== get().dimension) update({ dimension: next });
      },

      setEta(value) {
        const next = etaOf(value, get().eta);
        if (next !== get().eta) update({ eta: next });
      },

      setLayers(k) {
        const next = whole(k, MIN_LAYERS, MAX_LAYERS, get().layers);
        if (next !== get().layers) update({ layers: next });
      },

      setSeed(value) {
        if (!Number.isFinite(value)) return;
        const next = seedOf(value);
        if (next === get().seed) return;
        // A new task: the line's examples are redrawn from it, keeping their number.
        update({ seed: next, lineExamples: sampleContext(next, 1, get().lineExamples.xs.rows) });
      },

      setResult(job, lsa, ms, backend = null) {
        const result = regressionResult(job, lsa, backend);
        const { baseline } = get();
        set({
          result,
          baseline: baseline && sameSetting(settingOf(baseline.job), settingOf(job)) ? baseline : result,
          computeMs: ms,
          computeError: null,
          resultVersion: get().resultVersion + 1,
        });
      },

      setComputeError: (computeError) => set({ computeError }),
    };
  });
}

/** The job for the state on screen, with a constructed layer built afresh from (d, η, N). */
export function jobOf(s: InContextRegressionState): RegressionJob {
  const layer = constructGdLayer(s.context.xs.cols, 1, s.eta, s.context.xs.rows);
  return { mode: s.mode, context: s.context, queries: s.queries, eta: s.eta, layers: s.layers, layer };
}

/** The examples in the context of a mode; example k of the seeded task does not depend on N. */
function contextOf(
  s: Pick<InContextRegressionState, "mode" | "seed" | "dimension" | "lineExamples" | "spaceCount">,
) {
  return s.mode === "line" ? s.lineExamples : sampleContext(s.seed, s.dimension, s.spaceCount);
}

function queriesOf(s: Pick<InContextRegressionState, "mode" | "seed" | "dimension">): Matrix {
  return s.mode === "line" ? lineQueries() : spaceQueries(s.seed, s.dimension);
}
