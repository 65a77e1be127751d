import { createStore, type StoreApi } from "zustand/vanilla";
import { fromRows, type Matrix, matrix } from "../core/matrix";
import { type PresetName, presetNames, weightPresets } from "../core/presets";
import { createMlpWeights, DEFAULT_MLP_SEED } from "./mlpWeights";
import type { BilinearShared } from "./share/bilinearShare";
import { tokenStart } from "./share/tokenStart";
import {
  clamp,
  layoutPoints,
  type MovedPoints,
  type TokenFields,
  tokenFields,
  withMovedPoint,
} from "./tokenPoints";

/** Entries of W_Q and W_K are clamped to ±BILINEAR_WEIGHT_LIMIT, as in the attention explorer. */
export const BILINEAR_WEIGHT_LIMIT = 10;

/** The core presets plus "mixed", whose M = W_Q W_Kᵀ/√2 has no zero entry, so all four terms show. */
export type BilinearPresetName = PresetName | "mixed";

export const MIXED_PRESET = {
  label: "Mixed (all four terms)",
  description:
    "W_Q and W_K chosen so that every entry of M is non-zero: each of the four products of input entries contributes to the score.",
  wq: fromRows([
    [1, 0.5],
    [-0.5, 1],
  ]),
  wk: fromRows([
    [1, -0.8],
    [0.6, 1],
  ]),
} as const;

export const bilinearPresetNames: readonly BilinearPresetName[] = ["mixed", ...presetNames];

export const presetOf = (name: BilinearPresetName) => (name === "mixed" ? MIXED_PRESET : weightPresets[name]);

export interface BilinearState extends TokenFields {
  moved: MovedPoints;
  /** Query token i of the score s_ij. */
  query: number;
  /** Key token j of the score s_ij. */
  key: number;
  preset: BilinearPresetName | "custom";
  /** `W_Q [2, 2]`, a parameter: only the reader's edits and presets change it, never a drag. */
  wq: Matrix;
  /** `W_K [2, 2]`. */
  wk: Matrix;
  /** The MLP's first layer `A [hidden, 2]` (the essay's fixed MLP), for the side-by-side table. */
  a: Matrix;
  /** Which hidden unit of A the side table expands. */
  unit: number;
}

export interface BilinearActions {
  setText(text: string): void;
  movePoint(index: number, xy: readonly [number, number]): void;
  resetPoints(): void;
  setQuery(index: number): void;
  setKey(index: number): void;
  setUnit(unit: number): void;
  applyPreset(name: BilinearPresetName): void;
  setWeight(which: "wq" | "wk", i: number, j: number, value: number): void;
}

export type BilinearStore = StoreApi<BilinearState & BilinearActions>;

export interface BilinearStoreProps {
  initialText?: string;
  query?: number;
  key?: number;
  preset?: BilinearPresetName;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: BilinearShared;
}

/** An index into n tokens, or 0 when there are none (the figure then shows a hint instead). */
const pick = (index: number | undefined, n: number, fallback: number) => {
  const wanted = Number.isInteger(index) ? (index as number) : fallback;
  return n === 0 ? 0 : Math.min(Math.max(0, wanted), n - 1);
};

type Start = Pick<
  BilinearState,
  keyof TokenFields | "moved" | "query" | "key" | "preset" | "wq" | "wk" | "unit"
>;

function fromProps(props: BilinearStoreProps): Start {
  const start = tokenStart(props.initialText ?? "");
  const n = start.tokens.length;
  const presetName = props.preset && bilinearPresetNames.includes(props.preset) ? props.preset : "mixed";
  const preset = presetOf(presetName);
  return {
    ...start,
    query: pick(props.query, n, 1),
    key: pick(props.key, n, 2),
    preset: presetName,
    wq: preset.wq,
    wk: preset.wk,
    unit: 0,
  };
}

/** The store's starting fields for a state a link restored (already checked by the codec). */
function fromShared(shared: BilinearShared): Start {
  const start = tokenStart(shared.text, shared.moved);
  const n = start.tokens.length;
  return {
    ...start,
    query: pick(shared.query, n, 0),
    key: pick(shared.key, n, 0),
    preset: shared.preset,
    wq: matrix(2, 2, shared.wq),
    wk: matrix(2, 2, shared.wk),
    unit: shared.unit,
  };
}

/** One store per widget instance: hold it in `useState(() => createBilinearStore(props))`. */
export function createBilinearStore(props: BilinearStoreProps = {}): BilinearStore {
  const start = props.shared ? fromShared(props.shared) : fromProps(props);

  return createStore<BilinearState & BilinearActions>()((set, get) => ({
    ...start,
    a: createMlpWeights(DEFAULT_MLP_SEED).a,

    setText(next) {
      const nextFields = tokenFields(next, get().moved);
      const count = nextFields.tokens.length;
      set({ ...nextFields, query: pick(get().query, count, 0), key: pick(get().key, count, 0) });
    },

    movePoint(index, xy) {
      const next = withMovedPoint(get().tokens, get().moved, index, xy);
      // The plane reports a key press (or a drag's end) once more at the same spot: not a change.
      const same = next?.points.data.every((v, k) => v === get().points.data[k]);
      if (next && !same) set(next);
    },

    resetPoints() {
      const empty: MovedPoints = new Map();
      set({ moved: empty, points: layoutPoints(get().tokens, empty) });
    },

    setQuery(index) {
      if (Number.isInteger(index) && index >= 0 && index < get().tokens.length) set({ query: index });
    },

    setKey(index) {
      if (Number.isInteger(index) && index >= 0 && index < get().tokens.length) set({ key: index });
    },

    setUnit(unit) {
      if (Number.isInteger(unit) && unit >= 0 && unit < get().a.rows) set({ unit });
    },

    applyPreset(name) {
      if (!bilinearPresetNames.includes(name)) return;
      const { wq, wk } = presetOf(name);
      set({ preset: name, wq, wk });
    },

    setWeight(which, i, j, value) {
      const current = get()[which];
      if (!Number.isFinite(value) || i < 0 || j < 0 || i >= current.rows || j >= current.cols) return;
      const next = matrix(current.rows, current.cols, current.data);
      next.data[i * current.cols + j] = clamp(value, BILINEAR_WEIGHT_LIMIT);
      set({ [which]: next, preset: "custom" } as Partial<BilinearState>);
    },
  }));
}
