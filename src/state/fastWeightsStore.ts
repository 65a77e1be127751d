import { createStore, type StoreApi } from "zustand/vanilla";
import { type FastWeightResult, type FastWeightRule, fastWeightMemory } from "../core/fastWeightMemory";
import {
  type FeatureMap,
  featureMaps,
  type LinearAttentionParams,
  type LinearAttentionResult,
} from "../core/fastWeights";
import type { Matrix } from "../core/matrix";
import { playerProjections, projectTokens } from "./fastWeightsProjection";
import type { FastWeightsShared } from "./share/fastWeightsShare";
import { type InlineMessage, tokenFields } from "./tokenPoints";

export const DEFAULT_PLAYER_TEXT = "the cat sat on the mat";
const EMPTY_MESSAGE: InlineMessage = {
  kind: "hint",
  text: "Type a sentence above: each word becomes a token that writes one outer product into the memory.",
};

/** What the engine computed (causal linear attention) and for which inputs. */
export interface PlayerAttention {
  params: LinearAttentionParams;
  attention: LinearAttentionResult;
}

export interface FastWeightsState {
  /** Exactly what the reader typed. */
  text: string;
  tokens: string[];
  totalTokens: number;
  message: InlineMessage | null;
  /** Token embeddings X [n, 2] (Part I's layout), projected to q, k, v by fixed matrices. */
  points: Matrix;
  q: Matrix;
  k: Matrix;
  v: Matrix;
  featureMap: FeatureMap;
  normalise: boolean;
  rule: FastWeightRule;
  /** Delta rule's write strength in [0, 1]. */
  beta: number;
  /** The token on screen, 0-based: W_t holds tokens 0 … t. */
  step: number;
  playing: boolean;
  /** The fast weight form, computed here in float64 (core) on every change: cheap at d = 4. */
  memory: FastWeightResult | null;
  /** The attention form from the engine (tfjs), or null before the first result. */
  computed: PlayerAttention | null;
  computeMs: number | null;
  resultVersion: number;
  computeError: string | null;
}

export interface FastWeightsActions {
  setText(text: string): void;
  setFeatureMap(featureMap: FeatureMap): void;
  setNormalise(normalise: boolean): void;
  setRule(rule: FastWeightRule): void;
  setBeta(beta: number): void;
  /** Shows token `step` (clamped to the sentence). */
  setStep(step: number): void;
  setPlaying(playing: boolean): void;
  setResult(computed: PlayerAttention, ms: number): void;
  setComputeError(message: string | null): void;
}

export type FastWeightsStore = StoreApi<FastWeightsState & FastWeightsActions>;

export interface FastWeightsStoreProps {
  initialText?: string;
  featureMap?: FeatureMap;
  rule?: FastWeightRule;
  beta?: number;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: FastWeightsShared;
}

type Inputs = Pick<FastWeightsState, "q" | "k" | "v" | "featureMap" | "normalise" | "rule" | "beta">;

function memoryOf(s: Inputs): FastWeightResult | null {
  return s.q.rows === 0 ? null : fastWeightMemory(s);
}

const clampBeta = (beta: number | undefined, fallback: number) =>
  beta !== undefined && Number.isFinite(beta) ? Math.min(1, Math.max(0, beta)) : fallback;

/** One store per widget instance: hold it in `useState(() => createFastWeightsStore(props))`. */
export function createFastWeightsStore(props: FastWeightsStoreProps = {}): FastWeightsStore {
  const projections = playerProjections();
  const sentence = (text: string) => {
    const fields = tokenFields(text, new Map());
    return {
      ...fields,
      message: fields.totalTokens === 0 ? EMPTY_MESSAGE : fields.message,
      ...projectTokens(fields.points, projections),
    };
  };
  const shared = props.shared;
  const initial = sentence(shared ? shared.text : (props.initialText ?? DEFAULT_PLAYER_TEXT));
  const featureMap = shared?.phi ?? props.featureMap;
  const rule = shared?.rule ?? props.rule;
  const inputs: Inputs = {
    q: initial.q,
    k: initial.k,
    v: initial.v,
    featureMap: featureMap && featureMaps.includes(featureMap) ? featureMap : "elu1",
    normalise: shared?.norm ?? false,
    rule: rule === "delta" ? "delta" : "sum",
    beta: clampBeta(shared?.beta ?? props.beta, 1),
  };
  const step = Math.min(Math.max(0, initial.tokens.length - 1), Math.max(0, Math.round(shared?.step ?? 0)));

  return createStore<FastWeightsState & FastWeightsActions>()((set, get) => {
    /** Applies a change to the inputs and recomputes the fast weight form with it. */
    const update = (change: Partial<FastWeightsState>) => {
      const next = { ...get(), ...change };
      set({ ...change, memory: memoryOf(next) });
    };
    return {
      ...initial,
      ...inputs,
      step,
      playing: false,
      memory: memoryOf(inputs),
      computed: null,
      computeMs: null,
      resultVersion: 0,
      computeError: null,

      setText(text) {
        const next = sentence(text);
        const n = next.tokens.length;
        // Editing the sentence keeps the step where it was when it still exists.
        update({ ...next, step: Math.min(get().step, Math.max(0, n - 1)), playing: get().playing && n > 1 });
      },
      setFeatureMap(featureMap) {
        if (featureMaps.includes(featureMap) && featureMap !== get().featureMap) update({ featureMap });
      },
      setNormalise(normalise) {
        if (normalise !== get().normalise) update({ normalise });
      },
      setRule(rule) {
        if ((rule === "sum" || rule === "delta") && rule !== get().rule) update({ rule });
      },
      setBeta(beta) {
        const next = clampBeta(beta, get().beta);
        if (next !== get().beta) update({ beta: next });
      },
      setStep(step) {
        const n = get().tokens.length;
        if (!Number.isFinite(step) || n === 0) return;
        set({ step: Math.min(n - 1, Math.max(0, Math.round(step))) });
      },
      setPlaying: (playing) => set({ playing: playing && get().tokens.length > 1 }),
      setResult: (computed, ms) =>
        set({ computed, computeMs: ms, computeError: null, resultVersion: get().resultVersion + 1 }),
      setComputeError: (computeError) => set({ computeError }),
    };
  });
}

/** The engine's result if it was computed for the inputs on screen, else null (a job is on its way). */
export function currentAttention(
  s: Pick<FastWeightsState, "computed" | "q" | "k" | "v" | "featureMap" | "normalise">,
): LinearAttentionResult | null {
  const c = s.computed;
  if (!c) return null;
  const p = c.params;
  const same = p.q === s.q && p.k === s.k && p.v === s.v && p.featureMap === s.featureMap;
  return same && p.normalise === s.normalise ? c.attention : null;
}
