import type { AttentionParams } from "../core/attention";
import { createRng } from "../core/rng";
import { probeWebGpu } from "./adapters";
import { BACKEND_LABEL, BACKEND_ORDER } from "./backendParam";
import { checkLargeParams, largeAttentionTf } from "./largeAttentionTf";
import type { LargeAttentionParams, LargeAttentionResult } from "./largeAttentionTypes";
import { BACKEND_LIMITS, limitMessage, MAX_LARGE_N, sizeMessage } from "./limits";
import { type CostFn, createCostRouter, type Route } from "./routing";
import type { AttentionWork, BackendInfo, BackendName, CostSample, Tf, Timed } from "./types";

/** What the large-n jobs need from the engine (engine.ts). */
export interface LargeJobDeps {
  /** Runs one update on the backend `route` picks, switching tfjs to it for that update only. */
  compute<R>(
    run: (tf: Tf) => Promise<R>,
    route: () => Promise<Route>,
  ): Promise<{ timed: Timed<R>; route: Route }>;
  /** The drag loop's backend, once started. */
  start(): Promise<BackendInfo>;
  /** Backends whose device was lost. */
  unusable: ReadonlySet<BackendName>;
  /** Starts a backend without making it the drag loop's; rejects if it cannot start. */
  startRouted(name: BackendName): Promise<void>;
  costOf?: CostFn;
  /** Compute budget of one drag frame, in ms: what WASM or the CPU may block the page for. */
  frameBudgetMs: number;
}

// Routing measures a bucket with one warm-up and this many timed updates per backend.
const ROUTING_REPEATS = 2;
// A CPU or WASM warm-up this many times slower than the best so far is not timed further: it
// cannot win (a GPU's warm-up compiles shaders, so it is always timed in full).
const GIVE_UP_FACTOR = 3;

const isGpu = (name: BackendName) => name === "webgpu" || name === "webgl";

/** A seeded random job of size `work`: the whole matrix viewed at 512 px, max pooling, one row read. */
function measureJob(work: AttentionWork): LargeAttentionParams {
  const rng = createRng(work.n * 7919 + work.dModel * 31 + work.dK);
  const random = (rows: number, cols: number, scale: number) => ({
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, () => scale * rng.normal()),
  });
  const w = 1 / Math.sqrt(work.dModel);
  const attention: AttentionParams = {
    x: random(work.n, work.dModel, 1),
    wq: random(work.dModel, work.dK, w),
    wk: random(work.dModel, work.dK, w),
    wv: random(work.dModel, work.dK, w),
  };
  const view = {
    rowStart: 0,
    colStart: 0,
    rows: work.n,
    cols: work.n,
    maxPixels: 512,
    pooling: "max" as const,
  };
  return { attention, view, row: 0 };
}

function checkWork(work: AttentionWork, repeats: number): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 1;
  if (!whole(work.n) || !whole(work.dModel) || !whole(work.dK)) {
    throw new RangeError(
      `measureAttention: n, d_model and d_k must be whole numbers ≥ 1, got ${JSON.stringify(work)}`,
    );
  }
  if (!whole(repeats))
    throw new RangeError(`measureAttention: repeats must be a whole number ≥ 1, got ${repeats}`);
  if (work.n > MAX_LARGE_N) throw new RangeError(sizeMessage(work.n));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Large-n attention with the backend chosen by the work: `largeAttention` (auto: the cheapest
 * measured backend whose limit allows n; forced: the reader's backend, or a RangeError above its
 * limit), `measureAttention` (the cost chart's numbers) and `available` (backends that start).
 */
export function createLargeJobs(deps: LargeJobDeps) {
  const { compute, unusable } = deps;
  let started: Promise<BackendName[]> | null = null;

  /** Backends that start on this device, GPU ones even when software (tried once, then cached). */
  const available = async (): Promise<BackendName[]> => {
    await deps.start();
    started ??= (async () => {
      const names: BackendName[] = [];
      for (const name of BACKEND_ORDER) {
        // Asking for the adapter first avoids loading the WebGPU chunk where there is none.
        if (name === "webgpu" && !(await probeWebGpu().catch(() => null))) continue;
        try {
          await deps.startRouted(name);
          names.push(name);
        } catch {
          // It does not start here (no WebGL context, no WASM binary): not available.
        }
      }
      return names;
    })();
    return (await started).filter((name) => !unusable.has(name));
  };

  /** Times one warm-up and `repeats` updates of `work` on `backend`: every run, or the warm-up alone if above `giveUpMs`. */
  const timeOn = async (backend: BackendName, work: AttentionWork, repeats: number, giveUpMs: number) => {
    const job = measureJob(work);
    const route = async (): Promise<Route> => ({ name: backend, reason: "measurement" });
    const once = async () => (await compute((t) => largeAttentionTf(t, job), route)).timed.ms;
    const warmUp = await once();
    if (warmUp > giveUpMs) return warmUp;
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) times.push(await once());
    return median(times);
  };

  const measureCost: CostFn = (backend, work, bestSoFar) =>
    timeOn(
      backend,
      work,
      ROUTING_REPEATS,
      isGpu(backend) ? Number.POSITIVE_INFINITY : GIVE_UP_FACTOR * bestSoFar,
    );
  const router = createCostRouter(deps.costOf ?? measureCost, deps.frameBudgetMs);

  /** Where a job of `n` tokens runs: the forced backend if there is one, else the cheapest measured. */
  const routeLarge = async (work: AttentionWork): Promise<Route> => {
    const info = await deps.start();
    const usable = BACKEND_ORDER.filter((name) => !unusable.has(name));
    if (info.forced) {
      if (work.n > BACKEND_LIMITS[info.name]) throw new RangeError(limitMessage(info.name, work.n, usable));
      return { name: info.name, reason: info.reason };
    }
    const candidates = (await available()).filter((name) => work.n <= BACKEND_LIMITS[name]);
    if (candidates.length === 0) {
      const biggest = usable.reduce(
        (a, b) => (BACKEND_LIMITS[b] > BACKEND_LIMITS[a] ? b : a),
        usable[0] ?? "cpu",
      );
      throw new RangeError(limitMessage(biggest, work.n, []));
    }
    return router.route(work, candidates);
  };

  return {
    available,
    async largeAttention(p: LargeAttentionParams): Promise<Timed<LargeAttentionResult>> {
      const n = p.attention.x.rows;
      if (!(Number.isInteger(n) && n >= 1 && n <= MAX_LARGE_N)) throw new RangeError(sizeMessage(n));
      checkLargeParams(p);
      const work = { n, dModel: p.attention.x.cols, dK: p.attention.wq.cols };
      const { timed, route } = await compute(
        (t) => largeAttentionTf(t, p),
        () => routeLarge(work),
      );
      return { ...timed, backend: route.name, reason: route.reason };
    },
    async measureAttention(backend: BackendName, work: AttentionWork, repeats = 3): Promise<CostSample> {
      checkWork(work, repeats);
      if (work.n > BACKEND_LIMITS[backend]) {
        throw new RangeError(
          limitMessage(
            backend,
            work.n,
            BACKEND_ORDER.filter((name) => !unusable.has(name)),
          ),
        );
      }
      if (unusable.has(backend)) throw new Error(`${BACKEND_LABEL[backend]} was lost on this device`);
      const ms = await timeOn(backend, work, repeats, Number.POSITIVE_INFINITY);
      // One more update under tf.profile: the most tensor memory held at once during an update.
      const job = measureJob(work);
      const route = async (): Promise<Route> => ({ name: backend, reason: "measurement" });
      const { timed } = await compute(async (t) => {
        const info = await t.profile(async () => {
          await largeAttentionTf(t, job);
          return [];
        });
        return { peakBytes: info.peakBytes };
      }, route);
      return { backend, work: { ...work }, ms, peakBytes: timed.peakBytes };
    },
    forget: router.forget,
  };
}
