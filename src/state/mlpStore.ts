import { createStore, type StoreApi } from "zustand/vanilla";
import { type Matrix, matrix } from "../core/matrix";
import type { Activation, MlpResult } from "../core/mlp";
import { createMlpWeights, DEFAULT_MLP_SEED } from "./mlpWeights";
import type { MlpShared } from "./share/mlpShare";
import { type TokenStart, tokenStart } from "./share/tokenStart";
import { layoutPoints, type MovedPoints, type TokenFields, tokenFields, withMovedPoint } from "./tokenPoints";

export const ACTIVATIONS: readonly Activation[] = ["relu", "tanh", "gelu"];

export interface MlpState extends TokenFields {
  moved: MovedPoints;
  /** The nonlinearity σ in σ(XAᵀ)Bᵀ. */
  activation: Activation;
  /** Seeds the RNG that drew A and B; the same seed gives the same network. */
  seed: number;
  /** First-layer weights A [hidden, 2]. Fixed: no action of this store replaces or edits them. */
  a: Matrix;
  /** Second-layer weights B [2, hidden]. Fixed like A. */
  b: Matrix;
  /** Copies of A and B taken at load: the reference the "parameters changed" counter compares to. */
  loaded: { readonly a: Matrix; readonly b: Matrix };
  /** The newest computed MLP for the current inputs (or the previous ones while a job runs). */
  result: MlpResult | null;
  /**
   * The result the activation counters compare against: taken when a pointer drag starts, when
   * the reader restarts the count, or (after a change of text or σ) from the next result.
   */
  baseline: MlpResult | null;
  /** Milliseconds the engine took for `result`, read back included. */
  computeMs: number | null;
  /** Counts landed results, so tests and the benchmark can wait for a repaint. */
  resultVersion: number;
  computeError: string | null;
}

export interface MlpActions {
  setText(text: string): void;
  movePoint(index: number, xy: readonly [number, number]): void;
  resetPoints(): void;
  setActivation(activation: Activation): void;
  /** Counts activation changes from now on (from the next result if none is on screen yet). */
  restartCount(): void;
  setResult(result: MlpResult, ms: number): void;
  setComputeError(message: string | null): void;
}

export type MlpStore = StoreApi<MlpState & MlpActions>;

export interface MlpStoreProps {
  initialText?: string;
  activation?: Activation;
  seed?: number;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: MlpShared;
}

const copy = (m: Matrix) => matrix(m.rows, m.cols, m.data);
const isActivation = (value: unknown): value is Activation => ACTIVATIONS.includes(value as Activation);

/** What a reader can set, as the store starts: from a link's state, or else from the props. */
interface Start extends TokenStart {
  activation: Activation;
  seed: number;
}

function startOf(props: MlpStoreProps): Start {
  const { shared } = props;
  if (shared) {
    return { ...tokenStart(shared.text, shared.moved), activation: shared.activation, seed: shared.seed };
  }
  return {
    ...tokenStart(props.initialText ?? ""),
    activation: isActivation(props.activation) ? props.activation : "relu",
    seed: Number.isFinite(props.seed) ? Math.trunc(props.seed as number) : DEFAULT_MLP_SEED,
  };
}

/** One store per widget instance: hold it in `useState(() => createMlpStore(props))`. */
export function createMlpStore(props: MlpStoreProps = {}): MlpStore {
  const start = startOf(props);
  const { a, b } = createMlpWeights(start.seed);

  return createStore<MlpState & MlpActions>()((set, get) => ({
    ...start,
    a,
    b,
    loaded: { a: copy(a), b: copy(b) },
    result: null,
    baseline: null,
    computeMs: null,
    resultVersion: 0,
    computeError: null,

    setText(next) {
      const fields = tokenFields(next, get().moved);
      // Activations of other tokens are not comparable: count again from the next result.
      set({ ...fields, baseline: null });
    },

    movePoint(index, xy) {
      const next = withMovedPoint(get().tokens, get().moved, index, xy);
      if (next) set(next);
    },

    resetPoints() {
      const empty: MovedPoints = new Map();
      set({ moved: empty, points: layoutPoints(get().tokens, empty) });
    },

    setActivation(activation) {
      if (!isActivation(activation) || activation === get().activation) return;
      set({ activation, baseline: null });
    },

    restartCount() {
      const { result, tokens } = get();
      set({ baseline: result && result.hidden.rows === tokens.length ? result : null });
    },

    setResult(result, ms) {
      const { baseline, resultVersion } = get();
      set({
        result,
        baseline: baseline ?? result,
        computeMs: ms,
        computeError: null,
        resultVersion: resultVersion + 1,
      });
    },

    setComputeError: (computeError) => set({ computeError }),
  }));
}

/** The newest result if it belongs to the tokens on screen (a stale one would mislabel rows). */
export function currentMlpResult(state: MlpState): MlpResult | null {
  const { result, tokens } = state;
  return result && result.hidden.rows === tokens.length ? result : null;
}
