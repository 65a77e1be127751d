import { createStore, type StoreApi } from "zustand/vanilla";
import type { AttentionResult, Normalisation } from "../core/attention";
import { type Matrix, matrix } from "../core/matrix";
import { type PresetName, weightPresets } from "../core/presets";
import type { AttentionShared } from "./share/attentionShare";
import { tokenStart } from "./share/tokenStart";
import { clamp, type InlineMessage, layoutPoints, tokenFields, withMovedPoint } from "./tokenPoints";

export { type InlineMessage, PLANE_LIMIT, TOKEN_LIMIT } from "./tokenPoints";

/** Entries of W_Q, W_K, W_V are clamped to ±WEIGHT_LIMIT: larger ones only saturate the softmax. */
export const WEIGHT_LIMIT = 10;

export type ProjectionName = "wq" | "wk" | "wv";
export type Role = "q" | "k" | "v";

export interface AttentionState {
  /** Exactly what the reader typed: never trimmed or truncated, so nothing they wrote is lost. */
  text: string;
  /** The first TOKEN_LIMIT tokens of `text`. */
  tokens: string[];
  /** How many tokens `text` holds before truncation. */
  totalTokens: number;
  message: InlineMessage | null;
  /** Token embeddings X [n, 2]: the built-in layout, with the reader's drags applied. */
  points: Matrix;
  /** Dragged positions keyed by `index + "\u0000" + token`, so editing the text keeps earlier drags. */
  moved: ReadonlyMap<string, readonly [number, number]>;
  preset: PresetName | "custom";
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  causal: boolean;
  /** Softmax temperature τ > 0: weights = softmax(scores / τ). */
  temperature: number;
  /** What one softmax normalises: each row (attention's choice), each column, or the whole matrix. */
  normalisation: Normalisation;
  /** Divide the scores by √d_k (attention's choice), or not, to show what the scale does. */
  scale: boolean;
  /** One per token: true hides that token as a key from every query. */
  maskedKeys: readonly boolean[];
  arrows: Readonly<Record<Role, boolean>>;
  /** The query row highlighted in the heatmaps and drawn as a convex combination in the plane. */
  selectedRow: number | null;
  /** The newest computed attention for the current inputs (or the previous ones while a job runs). */
  result: AttentionResult | null;
  /** Milliseconds the engine took for `result`, read back included. */
  computeMs: number | null;
  /** Counts landed results; the widget exposes it so tests and the benchmark can wait for a repaint. */
  resultVersion: number;
  computeError: string | null;
}

export interface AttentionActions {
  setText(text: string): void;
  movePoint(index: number, xy: readonly [number, number]): void;
  resetPoints(): void;
  setWeight(which: ProjectionName, i: number, j: number, value: number): void;
  applyPreset(name: PresetName): void;
  setCausal(causal: boolean): void;
  setTemperature(temperature: number): void;
  setNormalisation(normalisation: Normalisation): void;
  setScale(scale: boolean): void;
  /** Masks token `index` as a key, or unmasks it. */
  toggleMaskedKey(index: number): void;
  toggleArrow(role: Role): void;
  selectRow(index: number | null): void;
  setResult(result: AttentionResult, ms: number): void;
  setComputeError(message: string | null): void;
}

type StartFields = Pick<
  AttentionState,
  | keyof ReturnType<typeof tokenFields>
  | "moved"
  | "preset"
  | "wq"
  | "wk"
  | "wv"
  | "causal"
  | "temperature"
  | "normalisation"
  | "scale"
  | "maskedKeys"
  | "arrows"
  | "selectedRow"
>;

function fromProps(props: AttentionStoreProps): StartFields {
  const fields = tokenStart(props.initialText ?? "");
  const preset = weightPresets[props.preset ?? "similar"];
  return {
    ...fields,
    preset: props.preset ?? "similar",
    wq: preset.wq,
    wk: preset.wk,
    wv: preset.wv,
    causal: false,
    temperature: 1,
    normalisation: "rows",
    scale: true,
    maskedKeys: fields.tokens.map(() => false),
    arrows: { q: false, k: false, v: false },
    selectedRow: fields.tokens.length > 0 ? 0 : null,
  };
}

/** The store's starting fields for a state a link restored (already checked by the codec). */
function fromShared(shared: AttentionShared): StartFields {
  const fields = tokenStart(shared.text, shared.moved);
  const masked = new Set(shared.masked);
  const n = fields.tokens.length;
  return {
    ...fields,
    preset: shared.preset,
    wq: matrix(2, 2, shared.wq),
    wk: matrix(2, 2, shared.wk),
    wv: matrix(2, 2, shared.wv),
    causal: shared.causal,
    temperature: shared.temp,
    normalisation: shared.norm,
    scale: shared.scale,
    maskedKeys: fields.tokens.map((_, i) => masked.has(i)),
    arrows: {
      q: shared.arrows.includes("q"),
      k: shared.arrows.includes("k"),
      v: shared.arrows.includes("v"),
    },
    selectedRow: n === 0 || shared.row < 0 ? null : Math.min(shared.row, n - 1),
  };
}

export type AttentionStore = StoreApi<AttentionState & AttentionActions>;

export interface AttentionStoreProps {
  initialText?: string;
  preset?: PresetName;
  /** A state restored from a link; it replaces the props above. */
  shared?: AttentionShared;
}

/** One store per widget instance: hold it in `useState(() => createAttentionStore(props))`. */
export function createAttentionStore(props: AttentionStoreProps = {}): AttentionStore {
  const start = props.shared ? fromShared(props.shared) : fromProps(props);

  return createStore<AttentionState & AttentionActions>()((set, get) => ({
    ...start,
    result: null,
    computeMs: null,
    resultVersion: 0,
    computeError: null,

    setText(next) {
      const fields = tokenFields(next, get().moved);
      const n = fields.tokens.length;
      const { selectedRow } = get();
      const masked = get().maskedKeys;
      set({
        ...fields,
        // Masks stay with positions that still exist, so editing the end of a sentence keeps them.
        maskedKeys: fields.tokens.map((_, i) => masked[i] === true),
        selectedRow: n === 0 ? null : Math.min(selectedRow ?? 0, n - 1),
        // A result for another token count would not line up with the new labels.
        ...(get().result?.weights.rows === n ? {} : { result: null }),
      });
    },

    movePoint(index, xy) {
      const next = withMovedPoint(get().tokens, get().moved, index, xy);
      if (next) set(next);
    },

    resetPoints() {
      const moved = new Map<string, readonly [number, number]>();
      set({ moved, points: layoutPoints(get().tokens, moved) });
    },

    setWeight(which, i, j, value) {
      const current = get()[which];
      if (!Number.isFinite(value) || i < 0 || j < 0 || i >= current.rows || j >= current.cols) return;
      const next = matrix(current.rows, current.cols, current.data);
      next.data[i * current.cols + j] = clamp(value, WEIGHT_LIMIT);
      set({ [which]: next, preset: "custom" } as Partial<AttentionState>);
    },

    applyPreset(name) {
      const { wq, wk, wv } = weightPresets[name];
      set({ preset: name, wq, wk, wv });
    },

    setCausal: (causal) => set({ causal }),

    setTemperature(temperature) {
      if (Number.isFinite(temperature) && temperature > 0) set({ temperature: Math.min(temperature, 100) });
    },

    setNormalisation(normalisation) {
      if (normalisation === "rows" || normalisation === "columns" || normalisation === "all")
        set({ normalisation });
    },

    setScale: (scale) => set({ scale }),

    toggleMaskedKey(index) {
      const masked = get().maskedKeys;
      if (!Number.isInteger(index) || index < 0 || index >= masked.length) return;
      set({ maskedKeys: masked.map((m, i) => (i === index ? !m : m)) });
    },

    toggleArrow: (role) => set({ arrows: { ...get().arrows, [role]: !get().arrows[role] } }),

    selectRow(index) {
      const n = get().tokens.length;
      set({ selectedRow: index === null || n === 0 ? null : Math.min(Math.max(0, index), n - 1) });
    },

    setResult: (result, ms) =>
      set({ result, computeMs: ms, computeError: null, resultVersion: get().resultVersion + 1 }),
    setComputeError: (computeError) => set({ computeError }),
  }));
}
