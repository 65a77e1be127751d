import { createStore, type StoreApi } from "zustand/vanilla";
import { type AttentionResult, attention } from "../core/attention";
import { type Matrix, matrix } from "../core/matrix";
import type { Activation, MlpResult } from "../core/mlp";
import { weightPresets } from "../core/presets";
import { createMlpWeights, DEFAULT_MLP_SEED } from "./mlpWeights";
import type { SideBySideShared } from "./share/sideBySideShare";
import { movedMap } from "./share/tokenShare";
import { tokenStart } from "./share/tokenStart";
import {
  attentionParametersChanged,
  attentionWeightsChanged,
  frozenAttentionOutput,
  mlpParametersChanged,
  rowDistance,
  type SideBySideParameters,
} from "./sideBySideCounts";
import { layoutPoints, type MovedPoints, type TokenFields, tokenFields, withMovedPoint } from "./tokenPoints";

/** What each model's outputs and attention's mixing matrix were when the count (re)started. */
export interface SideBySideBaseline {
  /** The attention mixing matrix [n, n] then; null until an attention result is on screen. */
  mixing: Matrix | null;
  attentionOut: Matrix | null;
  mlpOut: Matrix | null;
}

export interface SideBySideState extends TokenFields, SideBySideParameters {
  moved: MovedPoints;
  /** σ of the fixed MLP σ(XAᵀ)Bᵀ. */
  activation: Activation;
  seed: number;
  /** The newest attention result from the engine (queries, keys, values, live weights...). */
  attention: AttentionResult | null;
  /** The points `attention` was computed from: equal to `points` once the result is current. */
  attentionInput: Matrix | null;
  mlp: MlpResult | null;
  mlpInput: Matrix | null;
  /** Attention weights fixed by "freeze" [n, n]; null while attention recomputes them from X. */
  frozen: Matrix | null;
  /**
   * The drags that gave the points `frozen` was computed from (null when not frozen): with the
   * text, they say exactly where the tokens stood, so a link can restore the frozen weights.
   */
  frozenAt: MovedPoints | null;
  /** The mixing matrix attention applies now: `frozen`, else the live softmax(QKᵀ/√d). */
  mixing: Matrix | null;
  /** Attention's output now: `mixing · V` (frozen) or the engine's softmax(A)V. */
  attentionOut: Matrix | null;
  /** The output token the reader watches, or null with no tokens. */
  selectedOutput: number | null;
  baseline: SideBySideBaseline;
  computeMs: number | null;
  /** Counts landed results of either model, so tests can wait for a repaint. */
  resultVersion: number;
  computeError: string | null;
}

export interface SideBySideActions {
  setText(text: string): void;
  movePoint(index: number, xy: readonly [number, number]): void;
  resetPoints(): void;
  /** Freezes attention's mixing matrix at the weights on screen, or unfreezes it. */
  setFrozen(frozen: boolean): void;
  selectOutput(index: number): void;
  /** Measures changes from what is on screen now (each model from its next result if it has none). */
  restartCount(): void;
  setAttentionResult(result: AttentionResult, input: Matrix, ms: number): void;
  setMlpResult(result: MlpResult, input: Matrix, ms: number): void;
  setComputeError(message: string | null): void;
}

export type SideBySideStore = StoreApi<SideBySideState & SideBySideActions>;

export interface SideBySideStoreProps {
  initialText?: string;
  seed?: number;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: SideBySideShared;
}

const copy = (m: Matrix) => matrix(m.rows, m.cols, m.data);
const EMPTY_BASELINE: SideBySideBaseline = { mixing: null, attentionOut: null, mlpOut: null };

/** The mixing matrix and output attention shows, given the engine's result and the frozen weights. */
function attentionView(attention: AttentionResult | null, frozen: Matrix | null, n: number) {
  if (!attention || attention.weights.rows !== n) return { mixing: null, attentionOut: null };
  if (frozen && frozen.rows === n) {
    return { mixing: frozen, attentionOut: frozenAttentionOutput(frozen, attention.v) };
  }
  return { mixing: attention.weights, attentionOut: attention.out };
}

/** What a reader can set, as the store starts: from a link's state, or else from the props. */
function startOf(props: SideBySideStoreProps) {
  const { shared } = props;
  if (!shared) {
    const start = tokenStart(props.initialText ?? "");
    return {
      ...start,
      seed: Number.isFinite(props.seed) ? Math.trunc(props.seed as number) : DEFAULT_MLP_SEED,
      frozenAt: null,
      selectedOutput: start.tokens.length > 0 ? 0 : null,
    };
  }
  const start = tokenStart(shared.text, shared.moved);
  const n = start.tokens.length;
  return {
    ...start,
    seed: shared.seed,
    frozenAt: shared.frozen && n > 0 ? movedMap(start.tokens, shared.frozenat) : null,
    selectedOutput: n === 0 ? null : Math.min(shared.out, n - 1),
  };
}

/**
 * The weights attention had at the points `frozenAt` gives (a restored freeze): the live
 * softmax(QKᵀ/√d) of those points, computed here with src/core since no engine result exists for them.
 */
function frozenWeights(tokens: readonly string[], frozenAt: MovedPoints, wq: Matrix, wk: Matrix, wv: Matrix) {
  return attention({ x: layoutPoints(tokens, frozenAt), wq, wk, wv }).weights;
}

/** One store per widget instance: hold it in `useState(() => createSideBySideStore(props))`. */
export function createSideBySideStore(props: SideBySideStoreProps = {}): SideBySideStore {
  const { seed, frozenAt, ...fields } = startOf(props);
  const { a, b } = createMlpWeights(seed);
  // Copies: the preset's matrices are shared module constants that no widget may alias.
  const { wq, wk, wv } = weightPresets.similar;
  // Which drags gave which points, so freezing can record where the tokens stood for the weights
  // on screen (computed from an earlier `points` while a job is in flight). Per store, not global.
  const movesOf = new WeakMap<Matrix, MovedPoints>([[fields.points, fields.moved]]);
  const withPoints = <T extends { points: Matrix; moved: MovedPoints }>(next: T): T => {
    movesOf.set(next.points, next.moved);
    return next;
  };

  return createStore<SideBySideState & SideBySideActions>()((set, get) => ({
    ...fields,
    activation: "relu",
    seed,
    wq: copy(wq),
    wk: copy(wk),
    wv: copy(wv),
    a,
    b,
    loaded: { wq: copy(wq), wk: copy(wk), wv: copy(wv), a: copy(a), b: copy(b) },
    attention: null,
    attentionInput: null,
    mlp: null,
    mlpInput: null,
    frozen: frozenAt ? frozenWeights(fields.tokens, frozenAt, wq, wk, wv) : null,
    frozenAt,
    mixing: null,
    attentionOut: null,
    baseline: EMPTY_BASELINE,
    computeMs: null,
    resultVersion: 0,
    computeError: null,

    setText(next) {
      const fields = tokenFields(next, get().moved);
      const n = fields.tokens.length;
      const sameTokens = fields.tokens.join("\u0000") === get().tokens.join("\u0000");
      if (sameTokens) return set({ text: fields.text, message: fields.message });
      // Results, frozen weights and the baseline belong to other tokens: start over.
      set({
        ...withPoints({ ...fields, moved: get().moved }),
        attention: null,
        attentionInput: null,
        mlp: null,
        mlpInput: null,
        frozen: null,
        frozenAt: null,
        mixing: null,
        attentionOut: null,
        selectedOutput: n === 0 ? null : Math.min(get().selectedOutput ?? 0, n - 1),
        baseline: EMPTY_BASELINE,
      });
    },

    movePoint(index, xy) {
      const next = withMovedPoint(get().tokens, get().moved, index, xy);
      if (next) set(withPoints(next));
    },

    resetPoints() {
      const empty: MovedPoints = new Map();
      set(withPoints({ moved: empty, points: layoutPoints(get().tokens, empty) }));
    },

    setFrozen(frozen) {
      const { attention, attentionInput, tokens, mixing, moved } = get();
      if (!frozen)
        return set({ frozen: null, frozenAt: null, ...attentionView(attention, null, tokens.length) });
      if (!mixing || get().frozen) return; // nothing on screen to freeze yet, or already frozen
      const weights = copy(mixing);
      set({
        frozen: weights,
        frozenAt: (attentionInput && movesOf.get(attentionInput)) ?? moved,
        ...attentionView(attention, weights, tokens.length),
      });
    },

    selectOutput(index) {
      const n = get().tokens.length;
      if (Number.isInteger(index) && index >= 0 && index < n) set({ selectedOutput: index });
    },

    restartCount() {
      const { mixing, attentionOut, mlp, tokens } = get();
      set({
        baseline: {
          mixing,
          attentionOut,
          mlpOut: mlp && mlp.out.rows === tokens.length ? mlp.out : null,
        },
      });
    },

    setAttentionResult(result, input, ms) {
      const { frozen, tokens, baseline, resultVersion } = get();
      if (result.weights.rows !== tokens.length) return; // computed for tokens no longer on screen
      const view = attentionView(result, frozen, tokens.length);
      set({
        attention: result,
        attentionInput: input,
        ...view,
        baseline: baseline.mixing
          ? baseline
          : { ...baseline, mixing: view.mixing, attentionOut: view.attentionOut },
        computeMs: ms,
        computeError: null,
        resultVersion: resultVersion + 1,
      });
    },

    setMlpResult(result, input, ms) {
      const { tokens, baseline, resultVersion } = get();
      if (result.out.rows !== tokens.length) return;
      set({
        mlp: result,
        mlpInput: input,
        baseline: baseline.mlpOut ? baseline : { ...baseline, mlpOut: result.out },
        computeMs: ms,
        computeError: null,
        resultVersion: resultVersion + 1,
      });
    },

    setComputeError: (computeError) => set({ computeError }),
  }));
}

/** The MLP result if it belongs to the tokens on screen. */
export function currentMlp(state: SideBySideState): MlpResult | null {
  return state.mlp && state.mlp.out.rows === state.tokens.length ? state.mlp : null;
}

/** True once both models' results were computed from the points on screen. */
export function isSettled(state: SideBySideState): boolean {
  return state.tokens.length > 0 && state.attentionInput === state.points && state.mlpInput === state.points;
}

/** The counters beside the two models, computed from the real matrices each time. */
export interface SideBySideCounts {
  /** Entries of A and B that differ from their values at load. */
  mlpParameters: number;
  /** Entries of W_Q, W_K, W_V that differ from their values at load. */
  attentionParameters: number;
  /** Entries of attention's mixing matrix that changed since the count started; null before a result. */
  attentionWeights: number | null;
}

export function sideBySideCounts(state: SideBySideState): SideBySideCounts {
  const { mixing, baseline } = state;
  return {
    mlpParameters: mlpParametersChanged(state),
    attentionParameters: attentionParametersChanged(state),
    attentionWeights: mixing && baseline.mixing ? attentionWeightsChanged(mixing, baseline.mixing) : null,
  };
}

/** How far the watched output token moved in each model since the count started. */
export interface OutputShift {
  index: number;
  /** |attention out_i now − out_i at the start|, or null before both are known. */
  attention: number | null;
  /** |MLP out_i now − out_i at the start|, or null before both are known. */
  mlp: number | null;
}

export function outputShift(state: SideBySideState): OutputShift | null {
  const i = state.selectedOutput;
  if (i === null) return null;
  const { attentionOut, baseline } = state;
  const mlpOut = currentMlp(state)?.out ?? null;
  return {
    index: i,
    attention:
      attentionOut && baseline.attentionOut ? rowDistance(attentionOut, baseline.attentionOut, i) : null,
    mlp: mlpOut && baseline.mlpOut ? rowDistance(mlpOut, baseline.mlpOut, i) : null,
  };
}
