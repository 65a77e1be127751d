import { createStore, type StoreApi } from "zustand/vanilla";
import type { Matrix } from "../core/matrix";
import { type PresetName, presetNames, weightPresets } from "../core/presets";
import type { TwoMeaningsShared } from "./share/twoMeaningsShare";
import { type SampledInput, sampleInputs } from "./twoMeaningsSamples";

export const MIN_INPUTS = 1;
export const MAX_INPUTS = 50;
export const MIN_TOKENS = 2;
export const MAX_TOKENS = 8;

/** What one batch computed: the attention weights of every input, and the parameters each got. */
export interface TwoMeaningsResult {
  /** The inputs this batch was computed for (compared by reference with the store's). */
  inputs: readonly SampledInput[];
  /** `[W_Q, W_K, W_V]` exactly as passed to the engine for input k. */
  parameters: readonly (readonly Matrix[])[];
  /** `A_k = softmaxRows(Q_k K_kᵀ/√d)`, `[n, n]`, for input k. */
  weights: readonly Matrix[];
}

export interface TwoMeaningsState {
  /** Seeds the sampling of the inputs; shown and editable, part of the shareable state. */
  seed: number;
  /** K, how many inputs. */
  count: number;
  /** n, tokens per input. */
  tokensPerInput: number;
  preset: PresetName;
  /** The parameters, shared by every input. */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  inputs: readonly SampledInput[];
  result: TwoMeaningsResult | null;
  computeMs: number | null;
  resultVersion: number;
  computeError: string | null;
}

export interface TwoMeaningsActions {
  setSeed(seed: number): void;
  setCount(count: number): void;
  setTokensPerInput(n: number): void;
  applyPreset(name: PresetName): void;
  setResult(result: TwoMeaningsResult, ms: number): void;
  setComputeError(message: string | null): void;
}

export type TwoMeaningsStore = StoreApi<TwoMeaningsState & TwoMeaningsActions>;

export interface TwoMeaningsStoreProps {
  seed?: number;
  count?: number;
  tokensPerInput?: number;
  preset?: PresetName;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: TwoMeaningsShared;
}

/** The figure as the essay shows it: seed 7, K = 12 inputs of n = 5 tokens. */
export const DEFAULT_SEED = 7;
export const DEFAULT_COUNT = 12;
export const DEFAULT_TOKENS = 5;

/** A whole number in [min, max], or `fallback` for anything that is not a finite number. */
const bounded = (value: number | undefined, min: number, max: number, fallback: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value as number))) : fallback;

/** Seeds are unsigned 32-bit integers; anything else falls back to the default. */
const seedOf = (value: number | undefined) =>
  Number.isFinite(value) ? Math.trunc(value as number) >>> 0 : DEFAULT_SEED;

/** One store per widget instance: hold it in `useState(() => createTwoMeaningsStore(props))`. */
export function createTwoMeaningsStore(props: TwoMeaningsStoreProps = {}): TwoMeaningsStore {
  if (props.shared) {
    const { seed, inputs, tokens, preset } = props.shared;
    return createTwoMeaningsStore({ seed, count: inputs, tokensPerInput: tokens, preset });
  }
  const seed = seedOf(props.seed);
  const count = bounded(props.count, MIN_INPUTS, MAX_INPUTS, DEFAULT_COUNT);
  const tokensPerInput = bounded(props.tokensPerInput, MIN_TOKENS, MAX_TOKENS, DEFAULT_TOKENS);
  const preset: PresetName = props.preset && presetNames.includes(props.preset) ? props.preset : "similar";

  return createStore<TwoMeaningsState & TwoMeaningsActions>()((set, get) => ({
    seed,
    count,
    tokensPerInput,
    preset,
    ...weightsOf(preset),
    inputs: sampleInputs(seed, count, tokensPerInput),
    result: null,
    computeMs: null,
    resultVersion: 0,
    computeError: null,

    setSeed(next) {
      if (!Number.isFinite(next)) return;
      const s = seedOf(next);
      if (s !== get().seed) set({ seed: s, inputs: sampleInputs(s, get().count, get().tokensPerInput) });
    },

    setCount(next) {
      const k = bounded(next, MIN_INPUTS, MAX_INPUTS, get().count);
      if (k !== get().count) set({ count: k, inputs: sampleInputs(get().seed, k, get().tokensPerInput) });
    },

    setTokensPerInput(next) {
      const n = bounded(next, MIN_TOKENS, MAX_TOKENS, get().tokensPerInput);
      if (n !== get().tokensPerInput)
        set({ tokensPerInput: n, inputs: sampleInputs(get().seed, get().count, n) });
    },

    applyPreset(name) {
      if (presetNames.includes(name) && name !== get().preset) set({ preset: name, ...weightsOf(name) });
    },

    setResult: (result, ms) =>
      set({ result, computeMs: ms, computeError: null, resultVersion: get().resultVersion + 1 }),
    setComputeError: (computeError) => set({ computeError }),
  }));
}

function weightsOf(name: PresetName) {
  const { wq, wk, wv } = weightPresets[name];
  return { wq, wk, wv };
}

/** The result if it was computed for the inputs on screen, else null (a batch is on its way). */
export function currentResult(s: TwoMeaningsState): TwoMeaningsResult | null {
  return s.result && s.result.inputs === s.inputs ? s.result : null;
}
