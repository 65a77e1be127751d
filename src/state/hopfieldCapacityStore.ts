import { createStore, type StoreApi } from "zustand/vanilla";
import type { RecallCurve } from "../core/hopfieldRecall";
import type { HopfieldCapacityShared } from "./share/hopfieldCapacityShare";

/** Pattern sizes the reader can pick: 5 × 5, 7 × 7 (the glyphs) and 10 × 10 pixels. */
export const CAPACITY_SIZES = [25, 49, 100] as const;
export type CapacitySize = (typeof CAPACITY_SIZES)[number];
export const MIN_COUNT = 1;
export const MAX_COUNT = 100;
export const MAX_FLIP_PERCENT = 40;
export const BETA_MIN = 0.01;
export const BETA_MAX = 20;

export interface HopfieldCapacityState {
  /** d, pixels per random ±1 pattern. */
  d: CapacitySize;
  /** N, the number of stored patterns the readout describes (the chart shows every N). */
  count: number;
  /** Percent of each query's pixels flipped before the one update. */
  flipPercent: number;
  /** β of the modern rule. */
  beta: number;
  seed: number;
  notes: readonly string[];
  /** The curve for the parameters named by `key`; stale while a new one computes. */
  curve: (RecallCurve & { key: string }) | null;
  curveVersion: number;
}

export interface HopfieldCapacityActions {
  setD(d: number): void;
  setCount(n: number): void;
  setFlipPercent(p: number): void;
  setBeta(beta: number): void;
  setSeed(seed: number): void;
  setCurve(curve: RecallCurve & { key: string }): void;
}

export type HopfieldCapacityStore = StoreApi<HopfieldCapacityState & HopfieldCapacityActions>;

export interface HopfieldCapacityStoreProps {
  d?: number;
  count?: number;
  flipPercent?: number;
  beta?: number;
  seed?: number;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: HopfieldCapacityShared;
}

/** The figure's settings as the essay shows it (a link that leaves a setting out means these). */
export const HOPFIELD_CAPACITY_DEFAULTS = {
  d: 49 as CapacitySize,
  count: 20,
  flipPercent: 10,
  beta: 1,
  seed: 1,
} as const;
const DEFAULTS = HOPFIELD_CAPACITY_DEFAULTS;

/** The props a link's state stands for. */
const propsOf = (shared: HopfieldCapacityShared): HopfieldCapacityStoreProps => ({
  d: shared.d,
  count: shared.n,
  flipPercent: shared.flips,
  beta: shared.beta,
  seed: shared.seed,
});

const isSize = (d: unknown): d is CapacitySize => CAPACITY_SIZES.includes(d as CapacitySize);
const whole = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v)));

/** One store per widget instance: hold it in `useState(() => createHopfieldCapacityStore(props))`. */
export function createHopfieldCapacityStore(given: HopfieldCapacityStoreProps = {}): HopfieldCapacityStore {
  // A checked link state is a set of valid props, so it starts the store the same way.
  const props = given.shared ? propsOf(given.shared) : given;
  const notes: string[] = [];
  let d = DEFAULTS.d;
  if (props.d !== undefined) {
    if (isSize(props.d)) d = props.d;
    else notes.push(`d must be one of ${CAPACITY_SIZES.join(", ")}; using ${DEFAULTS.d}.`);
  }
  const valid = (value: number | undefined, ok: (v: number) => boolean, name: string, fallback: number) => {
    if (value === undefined) return fallback;
    if (Number.isFinite(value) && ok(value)) return value;
    notes.push(`${name} must be a finite number in range; using ${fallback}.`);
    return fallback;
  };
  const count = whole(
    valid(props.count, () => true, "N", DEFAULTS.count),
    MIN_COUNT,
    MAX_COUNT,
  );
  const flipPercent = whole(
    valid(props.flipPercent, () => true, "The corruption", DEFAULTS.flipPercent),
    0,
    MAX_FLIP_PERCENT,
  );
  const beta = Math.min(
    BETA_MAX,
    Math.max(
      BETA_MIN,
      valid(props.beta, (b) => b > 0, "β", DEFAULTS.beta),
    ),
  );
  const seed = Math.trunc(valid(props.seed, () => true, "The seed", DEFAULTS.seed)) >>> 0;

  return createStore<HopfieldCapacityState & HopfieldCapacityActions>()((set, get) => ({
    d,
    count,
    flipPercent,
    beta,
    seed,
    notes,
    curve: null,
    curveVersion: 0,
    setCurve: (curve) => set({ curve, curveVersion: get().curveVersion + 1 }),
    setD: (next) => {
      if (isSize(next)) set({ d: next });
    },
    setCount: (next) => {
      if (Number.isFinite(next)) set({ count: whole(next, MIN_COUNT, MAX_COUNT) });
    },
    setFlipPercent: (next) => {
      if (Number.isFinite(next)) set({ flipPercent: whole(next, 0, MAX_FLIP_PERCENT) });
    },
    setBeta: (next) => {
      if (Number.isFinite(next) && next > 0) set({ beta: Math.min(BETA_MAX, Math.max(BETA_MIN, next)) });
    },
    setSeed: (next) => {
      if (Number.isFinite(next)) set({ seed: Math.trunc(next) >>> 0 });
    },
  }));
}

/** The N the chart evaluates: every N to 10, then every 2nd to 30, then every 5th to MAX_COUNT. */
export const CURVE_COUNTS: readonly number[] = [
  ...Array.from({ length: 10 }, (_, i) => i + 1),
  ...Array.from({ length: 10 }, (_, i) => 12 + 2 * i),
  ...Array.from({ length: 14 }, (_, i) => 35 + 5 * i),
];

/** Names the curve's parameters (N is not one: the curve covers every N). */
export const curveKey = (s: Pick<HopfieldCapacityState, "d" | "flipPercent" | "beta" | "seed">) =>
  `${s.d}|${s.flipPercent}|${s.beta}|${s.seed}`;

/** The curve if it was computed for the parameters on screen, else null. */
export const currentCurve = (s: HopfieldCapacityState) =>
  s.curve && s.curve.key === curveKey(s) ? s.curve : null;
