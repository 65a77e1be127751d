import { BACKEND_LABEL, BACKEND_ORDER } from "./backendParam";
import { BACKEND_LIMITS } from "./limits";
import type { AttentionWork, BackendName } from "./types";

/** Where one job runs, and why (for the badge). */
export interface Route {
  name: BackendName;
  reason: string;
}

/**
 * The cost of one warm update of `work` on `backend`, in ms (compute and readback). `bestSoFar`
 * is the cheapest backend measured before it for the same work, so a measurement may stop early
 * once it is clearly slower. Injected in tests to route by made-up costs.
 */
export type CostFn = (backend: BackendName, work: AttentionWork, bestSoFar: number) => Promise<number>;

/** The size a job's cost is measured at: n rounded up to a power of two, the same d_model and d_k. */
export function bucketOf(work: AttentionWork): AttentionWork {
  return { ...work, n: 2 ** Math.ceil(Math.log2(Math.max(1, work.n))) };
}

/** "0.42 ms", "41 ms", "2 300 ms" (thousands set apart by a narrow no-break space). */
export function formatMs(ms: number): string {
  if (ms < 10) return `${Number(ms.toPrecision(2))} ms`;
  return `${Math.round(ms)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} ms`;
}

/** "d = 64" when d_model = d_k, else "d_model = 64, d_k = 16". */
function sizeText(work: AttentionWork): string {
  return work.dModel === work.dK ? `d = ${work.dK}` : `d_model = ${work.dModel}, d_k = ${work.dK}`;
}

// WASM and the CPU compute synchronously on the page's main thread; the GPUs do not.
const blocksPage = (name: BackendName) => name === "wasm" || name === "cpu";

/**
 * Chooses a backend per job by measured cost. Each size bucket is measured once (every candidate
 * in the usual order, so the GPUs set the bar the CPU must beat), the costs are kept, and every
 * later job of that bucket goes to the cheapest candidate that is still usable.
 *
 * One exception keeps the drag loop's budget: WASM and the CPU block the page for their whole
 * update, so while a GPU backend can take the job they are chosen only if their update fits
 * `frameBudgetMs`. Slower, the dragged point would stop moving; on a GPU the page stays live
 * while the matrices arrive later.
 */
export function createCostRouter(costOf: CostFn, frameBudgetMs: number) {
  // Per size bucket, per backend: its cost, measured once (a promise, so concurrent jobs share it).
  const table = new Map<string, Map<BackendName, Promise<number>>>();

  const costsOf = async (bucket: AttentionWork, candidates: readonly BackendName[]) => {
    const key = `${bucket.n}×${bucket.dModel}×${bucket.dK}`;
    const entry = table.get(key) ?? new Map<BackendName, Promise<number>>();
    table.set(key, entry);
    const costs = new Map<BackendName, number>();
    for (const name of candidates) {
      let cost = entry.get(name);
      if (!cost) {
        const best = Math.min(Number.POSITIVE_INFINITY, ...[...costs.values()].filter(Number.isFinite));
        // A backend that fails to run the job is NaN: never chosen, named in the reason.
        cost = costOf(name, bucket, best).catch(() => Number.NaN);
        entry.set(name, cost);
      }
      costs.set(name, await cost);
    }
    return costs;
  };

  return {
    /**
     * The cheapest of `candidates` (backends that start and whose limit allows the job's n) for
     * `work`, measuring its bucket first where needed. The reason reads, e.g.,
     * "auto for n = 1024, d = 64: WebGPU 41 ms < WASM 180 ms < CPU 2 300 ms".
     */
    async route(work: AttentionWork, candidates: readonly BackendName[]): Promise<Route> {
      const bucket = bucketOf(work);
      const head = `auto for n = ${bucket.n}, ${sizeText(bucket)}`;
      const capped = BACKEND_ORDER.filter(
        (name) => !candidates.includes(name) && work.n > BACKEND_LIMITS[name],
      );
      const cappedText = capped
        .map((name) => `; ${BACKEND_LABEL[name]} takes n ≤ ${BACKEND_LIMITS[name]}`)
        .join("");
      if (candidates.length === 1) {
        const only = BACKEND_LABEL[candidates[0]];
        return {
          name: candidates[0],
          reason: `${head}: ${only}, the only backend here that takes it${cappedText}`,
        };
      }
      const costs = await costsOf(bucket, candidates);
      const ranked = candidates
        .map((name) => ({ name, ms: costs.get(name) ?? Number.NaN }))
        .filter(({ ms }) => Number.isFinite(ms))
        .sort((a, b) => a.ms - b.ms);
      const failed = candidates.filter((name) => !ranked.some((r) => r.name === name));
      const failedText = failed.map((name) => `; ${BACKEND_LABEL[name]} failed`).join("");
      if (ranked.length === 0) throw new Error(`${head}: no backend could run it${failedText}`);
      const gpuCanRun = ranked.some(({ name }) => !blocksPage(name));
      const blocking = gpuCanRun
        ? ranked.filter(({ name, ms }) => blocksPage(name) && ms > frameBudgetMs)
        : [];
      const allowed = ranked.filter((r) => !blocking.includes(r));
      const text = ({ name, ms }: { name: BackendName; ms: number }) =>
        `${BACKEND_LABEL[name]} ${formatMs(ms)}`;
      const blockingText =
        blocking.length === 0
          ? ""
          : `; ${blocking.map(text).join(", ")} would block the page (main thread) past the ${frameBudgetMs} ms frame budget`;
      const comparison = allowed.map(text).join(" < ");
      return {
        name: allowed[0].name,
        reason: `${head}: ${comparison}${blockingText}${failedText}${cappedText}`,
      };
    },
    /** Forgets a backend's costs (its device was lost): it is measured again if it comes back. */
    forget(name: BackendName): void {
      for (const entry of table.values()) entry.delete(name);
    },
  };
}

export type CostRouter = ReturnType<typeof createCostRouter>;
