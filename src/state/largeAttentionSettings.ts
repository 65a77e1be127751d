import { defaultCentres } from "../core/clusters";
import type { Pooling } from "../core/pooledAttention";
import type { InlineMessage } from "./tokenPoints";

/** The n slider's stops: powers of two, so each step doubles the work of a row and quadruples the matrix. */
export const N_STEPS: readonly number[] = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
export const D_CHOICES: readonly number[] = [2, 8, 16, 32, 64];
export const MIN_CLUSTERS = 2;
export const MAX_CLUSTERS = 5;
/** Centres live in [−CENTRE_LIMIT, CENTRE_LIMIT]², the plotted square, so a centre can always be dragged back. */
export const CENTRE_LIMIT = 1.2;
/**
 * Pixels per side of the pooled view: two float32 images of 256² are 512 KiB, half the readback
 * budget, and 256 covers the figure's width on a laptop. Up to n = 256 every entry is its own pixel.
 */
export const MAX_PIXELS = 256;
/** Tokens drawn as points in the plane: enough to see each cluster's spread, few enough to redraw every frame. */
export const POINT_SAMPLE = 400;
export const DEFAULT_N = 512;
export const DEFAULT_D = 16;
export const DEFAULT_K = 3;
export const DEFAULT_SEED = 1;

export type Centre = readonly [number, number];

export interface LargeAttentionSettings {
  n: number;
  d: number;
  k: number;
  seed: number;
  pooling: Pooling;
  causal: boolean;
  centres: Centre[];
}

export interface LargeAttentionStoreProps {
  n?: number;
  d?: number;
  k?: number;
  seed?: number;
  pooling?: Pooling;
  causal?: boolean;
  centres?: readonly (readonly [number, number])[];
}

/** The n step nearest to `n` on a log scale (a URL's 1000 → 1024). */
export function snapN(n: number): number {
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_N;
  const log = Math.log2(n);
  return N_STEPS.reduce((best, s) =>
    Math.abs(Math.log2(s) - log) < Math.abs(Math.log2(best) - log) ? s : best,
  );
}

export function snapD(d: number): number {
  if (!Number.isFinite(d)) return DEFAULT_D;
  return D_CHOICES.reduce((best, c) => (Math.abs(c - d) < Math.abs(best - d) ? c : best));
}

export const clampK = (k: number) =>
  Number.isFinite(k) ? Math.min(MAX_CLUSTERS, Math.max(MIN_CLUSTERS, Math.round(k))) : DEFAULT_K;
export const seedOf = (seed: number | undefined) =>
  Number.isFinite(seed) ? Math.trunc(seed as number) >>> 0 : DEFAULT_SEED;
export const clampCoordinate = (v: number) => Math.min(CENTRE_LIMIT, Math.max(-CENTRE_LIMIT, v));

/** `k` centres: the ones given, then seeded defaults for any missing. */
export function centresFor(seed: number, k: number, kept: readonly Centre[]): Centre[] {
  const defaults = defaultCentres(seed, k);
  return defaults.map((fallback, c) => kept[c] ?? fallback);
}

/** Settings from props: every value made valid, and a message naming what had to change. */
export function settingsOf(props: LargeAttentionStoreProps): {
  settings: LargeAttentionSettings;
  message: InlineMessage | null;
} {
  const problems: string[] = [];
  const n = snapN(props.n ?? DEFAULT_N);
  if (props.n !== undefined && n !== props.n) problems.push(`n = ${props.n} became ${n}`);
  const d = snapD(props.d ?? DEFAULT_D);
  if (props.d !== undefined && d !== props.d) problems.push(`d = ${props.d} became ${d}`);
  const k = clampK(props.k ?? props.centres?.length ?? DEFAULT_K);
  if (props.k !== undefined && k !== props.k) problems.push(`${props.k} clusters became ${k}`);
  const seed = seedOf(props.seed);
  const pooling: Pooling = props.pooling === "mean" ? "mean" : "max";
  const given = (props.centres ?? []).filter(
    (c) => Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]),
  );
  if (props.centres && given.length < props.centres.length)
    problems.push("centres that were not numbers were left out");
  const clamped = given.map(([x, y]) => [clampCoordinate(x), clampCoordinate(y)] as const);
  if (clamped.some(([x, y], i) => x !== given[i][0] || y !== given[i][1])) {
    problems.push(`centres were moved into the square |x|, |y| ≤ ${CENTRE_LIMIT}`);
  }
  const centres = centresFor(seed, k, clamped.slice(0, k));
  const message: InlineMessage | null =
    problems.length > 0 ? { kind: "warning", text: `Of the settings given: ${problems.join("; ")}.` } : null;
  return { settings: { n, d, k, seed, pooling, causal: props.causal === true, centres }, message };
}
