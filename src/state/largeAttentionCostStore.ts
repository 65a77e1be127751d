import { createStore, type StoreApi } from "zustand/vanilla";
import type { AttentionCostShared } from "./share/attentionCostShare";

/** The sizes the benchmark measures: n = 16 … 4096, doubling. */
export const COST_NS: readonly number[] = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
export const COST_D_CHOICES: readonly number[] = [8, 16, 32, 64];
export const DEFAULT_COST_D = 64;
/** A backend's series stops after one update slower than this: the next n would take about 4× longer. */
export const SLOW_UPDATE_MS = 2000;

/** One measured point: median ms per warm update of one head of n × n attention. */
export interface CostPoint {
  backend: string;
  n: number;
  d: number;
  ms: number;
}

/** What one backend will measure: the n up to its cap, and the first n left out because of it. */
export interface CostPlanEntry {
  backend: string;
  ns: number[];
  /** The smallest n above the backend's cap, or null if it takes every size. */
  cappedAt: number | null;
  /** The backend's cap on n (`Engine.limits()`). */
  limit: number;
}

export interface CostProgress {
  backend: string;
  n: number;
  done: number;
  total: number;
}

export interface CostState {
  /** d_model = d_k of the next run. */
  d: number;
  /** d of the results on screen (null before the first run). */
  measuredD: number | null;
  running: boolean;
  /** Each run gets a new id; a stopped run's late answers carry an old one and are dropped. */
  runId: number;
  plan: CostPlanEntry[];
  progress: CostProgress | null;
  points: CostPoint[];
  /** Backends whose series stopped after an update over SLOW_UPDATE_MS, with that n. */
  slowAt: Record<string, number>;
  /** Backends that failed, with the engine's message. */
  failures: Record<string, string>;
  /** True when the reader pressed Stop before the run finished. */
  stopped: boolean;
  version: number;
}

export interface CostActions {
  setD(d: number): void;
  /** Starts a run over `plan` (replacing earlier results) and returns its id. */
  begin(plan: CostPlanEntry[]): number;
  /** The run is about to measure `backend` at `n`. */
  measuring(runId: number, backend: string, n: number): void;
  record(runId: number, point: CostPoint): void;
  /** One update of `backend` took over SLOW_UPDATE_MS at n: its larger sizes are skipped. */
  slow(runId: number, backend: string, n: number): void;
  fail(runId: number, backend: string, message: string): void;
  finish(runId: number): void;
  stop(): void;
}

export type CostStore = StoreApi<CostState & CostActions>;

/** Per backend, the sizes it can take: n ≤ its cap from `limits`. */
export function costPlan(
  backends: readonly string[],
  limits: Readonly<Record<string, number>>,
  ns: readonly number[] = COST_NS,
): CostPlanEntry[] {
  return backends.map((backend) => {
    const cap = limits[backend] ?? Number.POSITIVE_INFINITY;
    return { backend, ns: ns.filter((n) => n <= cap), cappedAt: ns.find((n) => n > cap) ?? null, limit: cap };
  });
}

const total = (plan: readonly CostPlanEntry[]) => plan.reduce((sum, p) => sum + p.ns.length, 0);

/** Measurements finished or given up (the sizes a slow or failed series will not reach count as done). */
function doneCount(s: Pick<CostState, "plan" | "points" | "slowAt" | "failures">): number {
  return s.plan.reduce((sum, p) => {
    if (s.slowAt[p.backend] !== undefined || s.failures[p.backend] !== undefined) return sum + p.ns.length;
    return sum + s.points.filter((q) => q.backend === p.backend).length;
  }, 0);
}

/**
 * One store per AttentionCost instance; nothing is measured until the reader asks. A link's
 * settings (`shared`, already checked by its codec) replace the props.
 */
export function createCostStore(props: { d?: number; shared?: AttentionCostShared } = {}): CostStore {
  const given = props.shared?.d ?? props.d ?? -1;
  const d = COST_D_CHOICES.includes(given) ? given : DEFAULT_COST_D;
  return createStore<CostState & CostActions>()((set, get) => {
    const current = (runId: number) => get().running && get().runId === runId;
    const bump = (patch: Partial<CostState>) => set({ ...patch, version: get().version + 1 });
    const withProgress = (patch: Partial<CostState>) => {
      const next = { ...get(), ...patch };
      const progress = next.progress ? { ...next.progress, done: doneCount(next) } : null;
      bump({ ...patch, progress });
    };
    return {
      d,
      measuredD: null,
      running: false,
      runId: 0,
      plan: [],
      progress: null,
      points: [],
      slowAt: {},
      failures: {},
      stopped: false,
      version: 0,

      setD(next) {
        if (COST_D_CHOICES.includes(next) && next !== get().d) set({ d: next });
      },
      begin(plan) {
        const runId = get().runId + 1;
        const first = plan.find((p) => p.ns.length > 0);
        bump({
          runId,
          running: true,
          stopped: false,
          plan,
          points: [],
          slowAt: {},
          failures: {},
          measuredD: get().d,
          progress: { backend: first?.backend ?? "", n: first?.ns[0] ?? 0, done: 0, total: total(plan) },
        });
        return runId;
      },
      measuring(runId, backend, n) {
        const { progress } = get();
        if (current(runId) && progress) bump({ progress: { ...progress, backend, n } });
      },
      record(runId, point) {
        if (current(runId)) withProgress({ points: [...get().points, point] });
      },
      slow(runId, backend, n) {
        if (current(runId)) withProgress({ slowAt: { ...get().slowAt, [backend]: n } });
      },
      fail(runId, backend, message) {
        if (current(runId)) withProgress({ failures: { ...get().failures, [backend]: message } });
      },
      finish(runId) {
        if (current(runId)) bump({ running: false });
      },
      stop() {
        // A new id: the measurement in flight may still land, but is dropped.
        if (get().running) bump({ running: false, stopped: true, runId: get().runId + 1 });
      },
    };
  });
}

/** The O(n²·d) curve through a series' largest measured point: ms(n) = ms_max · (n / n_max)² at fixed d. */
export function quadraticThrough(
  points: readonly CostPoint[],
  ns: readonly number[] = COST_NS,
): [number, number][] {
  if (points.length === 0) return [];
  const top = points.reduce((a, b) => (b.n > a.n ? b : a));
  return ns.map((n) => [n, top.ms * (n / top.n) ** 2]);
}

/** Bytes of one n × n float32 matrix: n²·4. Scores and weights together are twice that. */
export const matrixBytes = (n: number) => n * n * 4;
