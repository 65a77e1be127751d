import { createStore, type StoreApi } from "zustand/vanilla";
import {
  GLYPH_PIXELS,
  type GlyphName,
  glyphNames,
  glyphPatterns,
  glyphPixels,
  isGlyphName,
} from "../core/glyphs";
import { choosePixels } from "../core/hopfieldRecall";
import { type Matrix, matrix } from "../core/matrix";
import { createRng } from "../core/rng";
import type { HopfieldMemoryShared } from "./share/hopfieldMemoryShare";

/** Steps computed for every query and β; Step and Run reveal them one at a time. */
export const MAX_STEPS = 10;
export const BETA_MIN = 0.01;
export const BETA_MAX = 20;
/** 1/√d for the 49-pixel glyphs: the β at which one update is exactly one attention head. */
export const ATTENTION_BETA = 1 / Math.sqrt(GLYPH_PIXELS);
export const DEFAULT_STORED: readonly GlyphName[] = ["A", "C", "H", "L", "T", "X"];

/** One trajectory from the engine, kept with the inputs it was computed for. */
export interface HopfieldMemoryResult {
  patterns: Matrix;
  query: Matrix;
  beta: number;
  /** ξ_1 … ξ_MAX_STEPS, [1, 49] each. */
  states: Matrix[];
  /** softmax(β Xᵀ ξ_{t−1}) over the stored glyphs, [1, N] each. */
  weights: Matrix[];
  /** E(ξ_0) … E(ξ_MAX_STEPS), [1, MAX_STEPS + 1]. */
  energies: Matrix;
}

export interface HopfieldMemoryState {
  /** The glyphs written into the memory, in the order of X's columns. */
  stored: readonly GlyphName[];
  /** X as rows, [N, 49], ±1. */
  patterns: Matrix;
  /** The stored glyph the query starts from. */
  start: GlyphName;
  /** Pixel j of the query is the start glyph's pixel j negated. */
  flips: readonly boolean[];
  /** ξ_0, [1, 49]: the start glyph with its flipped pixels. */
  query: Matrix;
  /** How many pixels "Corrupt" flips, and the seed that picks them. */
  corruption: number;
  seed: number;
  beta: number;
  /** The step on screen, 0 … MAX_STEPS (0 shows the query itself). */
  shownSteps: number;
  result: HopfieldMemoryResult | null;
  computeMs: number | null;
  resultVersion: number;
  computeError: string | null;
  /** Why a prop was not used as given, for the inline message; empty when all were fine. */
  notes: readonly string[];
}

export interface HopfieldMemoryActions {
  setStart(name: GlyphName): void;
  togglePixel(index: number): void;
  /** Flips `k` random pixels of the start glyph (seeded); 0 restores it. */
  setCorruption(k: number): void;
  setSeed(seed: number): void;
  setBeta(beta: number): void;
  step(): void;
  reset(): void;
  setShownSteps(t: number): void;
  setResult(result: HopfieldMemoryResult, ms: number): void;
  setComputeError(message: string | null): void;
}

export type HopfieldMemoryStore = StoreApi<HopfieldMemoryState & HopfieldMemoryActions>;

export interface HopfieldMemoryStoreProps {
  stored?: readonly string[];
  start?: string;
  corruption?: number;
  seed?: number;
  beta?: number;
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: HopfieldMemoryShared;
}

/** The corruption the essay's figure starts with: 8 pixels picked by seed 3. */
export const HOPFIELD_DEFAULTS = { corruption: 8, seed: 3 } as const;
const { corruption: DEFAULT_CORRUPTION, seed: DEFAULT_SEED } = HOPFIELD_DEFAULTS;
export const MAX_CORRUPTION = 24;

const clampBeta = (b: number) => Math.min(BETA_MAX, Math.max(BETA_MIN, b));
const seedOf = (value: number) => Math.trunc(value) >>> 0;

/** The flips of k random pixels picked by `seed`. */
export function randomFlips(seed: number, k: number): boolean[] {
  const flips = new Array<boolean>(GLYPH_PIXELS).fill(false);
  for (const j of choosePixels(createRng(seed), GLYPH_PIXELS, k)) flips[j] = true;
  return flips;
}

/** ξ_0 = the start glyph with the flipped pixels negated, [1, 49]. */
export function queryOf(start: GlyphName, flips: readonly boolean[]): Matrix {
  return matrix(
    1,
    GLYPH_PIXELS,
    glyphPixels(start).map((v, j) => (flips[j] ? -v : v)),
  );
}

function storedOf(requested: readonly string[] | undefined, notes: string[]): GlyphName[] {
  if (requested === undefined) return [...DEFAULT_STORED];
  const known = [...new Set(requested.filter(isGlyphName))];
  const unknown = requested.filter((name) => !isGlyphName(name));
  if (unknown.length > 0) {
    notes.push(
      `Unknown glyphs ignored: ${unknown.map(String).join(", ")} (known: ${glyphNames.join(", ")}).`,
    );
  }
  if (known.length >= 2) return known;
  notes.push(`A memory needs at least two glyphs; storing ${DEFAULT_STORED.join(", ")} instead.`);
  return [...DEFAULT_STORED];
}

/** The store's inputs for a link's state (already checked by its codec, so no notes). */
function fromShared(shared: HopfieldMemoryShared) {
  const flipped = new Set(shared.flipped);
  return {
    stored: [...shared.stored],
    start: shared.start,
    beta: shared.beta,
    corruption: shared.corruption,
    seed: shared.seed,
    flips: Array.from({ length: GLYPH_PIXELS }, (_, j) => flipped.has(j)),
    shownSteps: shared.step,
    notes: [],
  };
}

/** The store's inputs for props, with a note for each that could not be used as given. */
function fromProps(props: HopfieldMemoryStoreProps) {
  const notes: string[] = [];
  const stored = storedOf(props.stored, notes);
  const fallbackStart: GlyphName = stored.includes("H") ? "H" : stored[0];
  const start = stored.includes(props.start as GlyphName) ? (props.start as GlyphName) : fallbackStart;
  if (props.start !== undefined && start !== props.start) {
    notes.push(`The query starts from ${start}: “${String(props.start)}” is not a stored glyph.`);
  }
  let beta = ATTENTION_BETA;
  if (props.beta !== undefined) {
    if (Number.isFinite(props.beta) && props.beta > 0) beta = clampBeta(props.beta);
    else notes.push(`β must be a positive number; using 1/√49 ≈ ${ATTENTION_BETA.toFixed(3)}.`);
  }
  const corruption = Number.isFinite(props.corruption)
    ? Math.min(MAX_CORRUPTION, Math.max(0, Math.round(props.corruption as number)))
    : DEFAULT_CORRUPTION;
  const seed = Number.isFinite(props.seed) ? seedOf(props.seed as number) : DEFAULT_SEED;
  return {
    stored,
    start,
    beta,
    corruption,
    seed,
    flips: randomFlips(seed, corruption),
    shownSteps: 0,
    notes,
  };
}

/** One store per widget instance: hold it in `useState(() => createHopfieldMemoryStore(props))`. */
export function createHopfieldMemoryStore(props: HopfieldMemoryStoreProps = {}): HopfieldMemoryStore {
  const { stored, start, beta, corruption, seed, flips, shownSteps, notes } = props.shared
    ? fromShared(props.shared)
    : fromProps(props);

  return createStore<HopfieldMemoryState & HopfieldMemoryActions>()((set, get) => ({
    stored,
    patterns: glyphPatterns(stored),
    start,
    flips,
    query: queryOf(start, flips),
    corruption,
    seed,
    beta,
    shownSteps,
    result: null,
    computeMs: null,
    resultVersion: 0,
    computeError: null,
    notes,

    setStart(name) {
      if (!get().stored.includes(name) || name === get().start) return;
      set({ start: name, query: queryOf(name, get().flips) });
    },
    togglePixel(index) {
      if (!Number.isInteger(index) || index < 0 || index >= GLYPH_PIXELS) return;
      const next = get().flips.map((f, j) => (j === index ? !f : f));
      set({ flips: next, query: queryOf(get().start, next) });
    },
    setCorruption(k) {
      if (!Number.isFinite(k)) return;
      const corruptionNext = Math.min(MAX_CORRUPTION, Math.max(0, Math.round(k)));
      const next = randomFlips(get().seed, corruptionNext);
      set({ corruption: corruptionNext, flips: next, query: queryOf(get().start, next) });
    },
    setSeed(value) {
      if (!Number.isFinite(value)) return;
      const s = seedOf(value);
      const next = randomFlips(s, get().corruption);
      set({ seed: s, flips: next, query: queryOf(get().start, next) });
    },
    setBeta(value) {
      if (!Number.isFinite(value) || value <= 0) return;
      const b = clampBeta(value);
      if (b !== get().beta) set({ beta: b });
    },
    step: () => set({ shownSteps: Math.min(MAX_STEPS, get().shownSteps + 1) }),
    reset: () => set({ shownSteps: 0 }),
    setShownSteps(t) {
      if (Number.isFinite(t)) set({ shownSteps: Math.min(MAX_STEPS, Math.max(0, Math.round(t))) });
    },
    setResult: (result, ms) =>
      set({ result, computeMs: ms, computeError: null, resultVersion: get().resultVersion + 1 }),
    setComputeError: (computeError) => set({ computeError }),
  }));
}

/** The result if it was computed for the query, β and memory on screen, else null (one is on its way). */
export function currentResult(s: HopfieldMemoryState): HopfieldMemoryResult | null {
  const r = s.result;
  return r && r.query === s.query && r.beta === s.beta && r.patterns === s.patterns ? r : null;
}
