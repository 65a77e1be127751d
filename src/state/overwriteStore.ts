import { createStore, type StoreApi } from "zustand/vanilla";
import { type FastWeightResult, fastWeightMemory } from "../core/fastWeightMemory";
import { fromRows } from "../core/matrix";
import type { MemoryOverwriteShared } from "./share/memoryOverwriteShare";

/** The three values written: e1 → a, e2 → b, then e1 → c. Two numbers each. */
export type OverwriteValues = Readonly<Record<"a" | "b" | "c", readonly [number, number]>>;
export type ValueName = keyof OverwriteValues;

/** Entries of a, b, c are limited to ±OVERWRITE_LIMIT, so the figure's scale stays readable. */
export const OVERWRITE_LIMIT = 10;

export const OVERWRITE_PRESETS: Readonly<Record<string, { label: string; values: OverwriteValues }>> = {
  distinct: {
    label: "Three different values",
    values: {
      a: [1, 2],
      b: [-1, 0.5],
      c: [3, -1],
    },
  },
  undo: {
    label: "c undoes a (c = −a)",
    values: {
      a: [2, 1],
      b: [0, 1],
      c: [-2, -1],
    },
  },
  same: {
    label: "c repeats a (c = a)",
    values: {
      a: [1, 1],
      b: [-1, 1],
      c: [1, 1],
    },
  },
};

export interface OverwriteState {
  values: OverwriteValues;
  /** Name of the preset the values came from, or "custom" once edited. */
  preset: string;
  /** Delta rule's β in [0, 1]. */
  beta: number;
  /** Both memories after the three writes, reading e1 after each (core; identity φ, no normalisation). */
  sum: FastWeightResult;
  delta: FastWeightResult;
}

export interface OverwriteActions {
  setValue(name: ValueName, index: 0 | 1, value: number): void;
  applyPreset(name: string): void;
  setBeta(beta: number): void;
}

export type OverwriteStore = StoreApi<OverwriteState & OverwriteActions>;

const E1 = [1, 0];
const E2 = [0, 1];

/** Writes e1 → a, e2 → b, e1 → c under one rule; every step reads e1 back. */
export function overwriteRun(values: OverwriteValues, rule: "sum" | "delta", beta: number): FastWeightResult {
  return fastWeightMemory({
    q: fromRows([E1, E1, E1]),
    k: fromRows([E1, E2, E1]),
    v: fromRows([values.a, values.b, values.c]),
    featureMap: "identity",
    normalise: false,
    rule,
    beta,
  });
}

const runs = (values: OverwriteValues, beta: number) => ({
  sum: overwriteRun(values, "sum", 1),
  delta: overwriteRun(values, "delta", beta),
});

export interface OverwriteStoreProps {
  preset?: string;
  beta?: number;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: MemoryOverwriteShared;
}

const pairOf = (xs: readonly number[]): readonly [number, number] => [xs[0] ?? 0, xs[1] ?? 0];

/** The starting values, preset and β: a link's, else the props' (unknown presets fall back). */
function startOf(props: OverwriteStoreProps): Pick<OverwriteState, "values" | "preset" | "beta"> {
  const { shared } = props;
  if (shared) {
    const values = { a: pairOf(shared.a), b: pairOf(shared.b), c: pairOf(shared.c) };
    return { values, preset: shared.preset, beta: shared.beta };
  }
  const preset = props.preset && Object.hasOwn(OVERWRITE_PRESETS, props.preset) ? props.preset : "distinct";
  const beta =
    props.beta !== undefined && Number.isFinite(props.beta) ? Math.min(1, Math.max(0, props.beta)) : 1;
  return { values: OVERWRITE_PRESETS[preset].values, preset, beta };
}

/** One store per widget instance. */
export function createOverwriteStore(props: OverwriteStoreProps = {}): OverwriteStore {
  const { values, preset, beta } = startOf(props);
  return createStore<OverwriteState & OverwriteActions>()((set, get) => ({
    values,
    preset,
    beta,
    ...runs(values, beta),

    setValue(name, index, value) {
      if (!Number.isFinite(value) || !(name in get().values) || (index !== 0 && index !== 1)) return;
      const clamped = Math.min(OVERWRITE_LIMIT, Math.max(-OVERWRITE_LIMIT, value));
      const pair: [number, number] = [...get().values[name]];
      pair[index] = clamped;
      const next = { ...get().values, [name]: pair };
      set({ values: next, preset: "custom", ...runs(next, get().beta) });
    },
    applyPreset(name) {
      const chosen = Object.hasOwn(OVERWRITE_PRESETS, name) ? OVERWRITE_PRESETS[name] : undefined;
      if (chosen) set({ values: chosen.values, preset: name, ...runs(chosen.values, get().beta) });
    },
    setBeta(next) {
      if (!Number.isFinite(next)) return;
      const b = Math.min(1, Math.max(0, next));
      set({ beta: b, ...runs(get().values, b) });
    },
  }));
}
