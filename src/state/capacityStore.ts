import { createStore, type StoreApi } from "zustand/vanilla";
import { capacityErrors, type KeyKind, sampleCapacityMemories } from "../core/memoryCapacity";
import type { MemoryCapacityShared } from "./share/memoryCapacityShare";

/** The dimensions the capacity figure offers: d = d_k = d_v. */
export const CAPACITY_DIMENSIONS = [4, 8, 16, 32] as const;
/** The curve runs to N = CAPACITY_FACTOR · d, well past the point where the keys stop fitting. */
export const CAPACITY_FACTOR = 3;

export interface CapacityCurves {
  /** error(N) at index N − 1 for N = 1 … 3d (see core's `capacityErrors`). */
  sum: number[];
  /** The delta rule with β = 1. */
  delta: number[];
}

export interface CapacityState {
  seed: number;
  /** d = d_k = d_v, one of CAPACITY_DIMENSIONS. */
  dimension: number;
  /** N, how many associations are stored now (1 … 3d). */
  count: number;
  keyKind: KeyKind;
  curves: CapacityCurves;
}

export interface CapacityActions {
  setSeed(seed: number): void;
  setDimension(dimension: number): void;
  setCount(count: number): void;
  setKeyKind(kind: KeyKind): void;
}

export type CapacityStore = StoreApi<CapacityState & CapacityActions>;

export interface CapacityStoreProps {
  seed?: number;
  dimension?: number;
  count?: number;
  keyKind?: KeyKind;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: MemoryCapacityShared;
}

/** The props a link's state stands for. */
const propsOf = (shared: MemoryCapacityShared): CapacityStoreProps => ({
  seed: shared.seed,
  dimension: shared.d,
  count: shared.n,
  keyKind: shared.keys,
});

const seedOf = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) && value >= 0 ? Math.trunc(value) >>> 0 : fallback;

const dimensionOf = (value: number | undefined, fallback: number) =>
  CAPACITY_DIMENSIONS.find((d) => d === value) ?? fallback;

const countOf = (value: number | undefined, dimension: number, fallback: number) =>
  value !== undefined && Number.isFinite(value)
    ? Math.min(CAPACITY_FACTOR * dimension, Math.max(1, Math.round(value)))
    : fallback;

/** Both curves for one sample: the same keys and values stored by each rule. */
export function capacityCurves(seed: number, dimension: number, keyKind: KeyKind): CapacityCurves {
  const sample = sampleCapacityMemories(seed, dimension, CAPACITY_FACTOR * dimension, keyKind);
  return {
    sum: capacityErrors({ ...sample, rule: "sum" }),
    delta: capacityErrors({ ...sample, rule: "delta", beta: 1 }),
  };
}

/** One store per widget instance. Curves are computed here, synchronously: 3d ≤ 96 small writes. */
export function createCapacityStore(given: CapacityStoreProps = {}): CapacityStore {
  // A checked link state is a set of valid props, so it starts the store the same way.
  const props = given.shared ? propsOf(given.shared) : given;
  const seed = seedOf(props.seed, 1);
  const dimension = dimensionOf(props.dimension, 8);
  const keyKind: KeyKind = props.keyKind === "random" ? "random" : "orthogonal";
  const count = countOf(props.count, dimension, dimension);

  return createStore<CapacityState & CapacityActions>()((set, get) => ({
    seed,
    dimension,
    count,
    keyKind,
    curves: capacityCurves(seed, dimension, keyKind),

    setSeed(next) {
      const s = seedOf(next, get().seed);
      if (s !== get().seed) set({ seed: s, curves: capacityCurves(s, get().dimension, get().keyKind) });
    },
    setDimension(next) {
      const d = dimensionOf(next, get().dimension);
      if (d === get().dimension) return;
      // Keep N where it stands relative to d, so "just past d" stays just past d.
      const count = Math.max(1, Math.round((get().count / get().dimension) * d));
      set({ dimension: d, count, curves: capacityCurves(get().seed, d, get().keyKind) });
    },
    setCount(next) {
      const n = countOf(next, get().dimension, get().count);
      if (n !== get().count) set({ count: n });
    },
    setKeyKind(kind) {
      if ((kind === "orthogonal" || kind === "random") && kind !== get().keyKind)
        set({ keyKind: kind, curves: capacityCurves(get().seed, get().dimension, kind) });
    },
  }));
}
