import type { AttentionParams } from "../core/attention";
import type { MlpParams } from "../core/mlp";
import { BACKEND_LABEL, BACKEND_ORDER } from "./backendParam";
import { isStarted, releaseBackend, startBackend, switchNow } from "./backends";
import { type ChooseContext, chooseAuto, chooseForced } from "./choose";
import { attentionTf, mlpTf } from "./compute";
import { type LossWatch, watchDeviceLoss } from "./deviceLoss";
import { linearAttentionTf } from "./fastWeightsTf";
import { hopfieldTf } from "./hopfieldTf";
import { createLargeJobs } from "./largeJobs";
import { BACKEND_LIMITS } from "./limits";
import { defaultLoader } from "./loadTf";
import { lsaTf } from "./lsaTf";
import type { Route } from "./routing";
import type { BackendInfo, BackendName, Engine, EngineOptions, Tf, Timed } from "./types";

/** Default compute budget per drag update: half a 60 Hz frame, leaving the rest for drawing. */
export const DEFAULT_FRAME_BUDGET_MS = 8;
// How long a failed compute waits for a WebGPU `lost` promise before deciding the failure was not a loss.
const LOSS_GRACE_MS = 500;
const SIMULATED_LOSS_TIMEOUT_MS = 20_000;

/*
 * Lifecycle:
 *   start() ─► choose (forced, else webgpu → webgl → wasm → cpu, skipping software/slow GPUs)
 *      ─► compute: attention()/mlp() in tf.tidy, one async readback each
 *      ─► device lost (GPUDevice.lost / webglcontextlost) ─► mark unusable, release it
 *      ─► fallback: choose among the next backends ─► notify subscribers ─► compute again
 * Every transition, and every start of a backend for large-n jobs, runs alone on one promise
 * chain (`exclusive`): tfjs can compute nothing while a backend initialises, so updates wait for it.
 * Large-n jobs may run on another backend than the drag loop's (see largeJobs.ts): every update
 * switches tfjs to its backend synchronously right before its tf.tidy, and back right after.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const loader = options.loader ?? defaultLoader;
  const frameBudgetMs = options.frameBudgetMs ?? DEFAULT_FRAME_BUDGET_MS;
  const forced = options.forced ?? null;
  const listeners = new Set<(info: BackendInfo) => void>();
  const unusable = new Set<BackendName>();
  let tf: Tf | null = null;
  let current: BackendInfo | null = null;
  let watch: LossWatch | null = null;
  // Increases with every transition; a loss signal or result from an older epoch is stale.
  let epoch = 0;
  // The epoch whose loss is being handled: the `lost` promise and `lostNow()` can both report it.
  let handledLossEpoch = 0;
  let tail: Promise<BackendInfo> | null = null;
  // Exclusive operations queued or running, and the chain they run on.
  let busy = 0;
  let lock: Promise<unknown> = Promise.resolve();
  // Loss watches of backends started for large-n jobs only (the drag loop's backend has `watch`).
  const routedWatches = new Map<BackendName, LossWatch>();

  const context = async (): Promise<ChooseContext> => {
    tf ??= await loader.core();
    return { tf, loader, frameBudgetMs };
  };

  /** Runs `fn` alone, after any exclusive operation already queued: no update starts meanwhile. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    busy += 1;
    const run = lock.then(fn).finally(() => {
      busy -= 1;
    });
    lock = run.catch(() => undefined);
    return run;
  };

  /** Runs one backend change after any change already under way; the new info goes to listeners. */
  const transition = (choose: (ctx: ChooseContext) => Promise<BackendInfo>): Promise<BackendInfo> => {
    const next = exclusive(async () => {
      epoch += 1;
      const myEpoch = epoch;
      watch?.detach();
      watch = null;
      const ctx = await context();
      const info = await choose(ctx);
      current = info;
      watch = watchDeviceLoss(ctx.tf, info.name);
      void watch?.lost.then((why) => handleLoss(info.name, why, myEpoch));
      for (const listener of listeners) listener(info);
      return info;
    });
    tail = next;
    return next;
  };

  /** Backends after `after` in the usual order, minus those whose device was lost. */
  const remaining = (after: BackendName | null): BackendName[] => {
    const from = after === null ? 0 : BACKEND_ORDER.indexOf(after) + 1;
    return BACKEND_ORDER.slice(from).filter((name) => !unusable.has(name));
  };

  const start = (): Promise<BackendInfo> => {
    if (tail) return tail;
    return transition((ctx) =>
      forced ? chooseForced(ctx, forced, unusable) : chooseAuto(ctx, remaining(null), [], "auto"),
    );
  };

  /** Marks the lost backend unusable and falls back to the next; once per lost backend. */
  const handleLoss = (name: BackendName, why: string, lostEpoch: number): Promise<BackendInfo> => {
    if (lostEpoch !== epoch || handledLossEpoch === lostEpoch) return start();
    handledLossEpoch = lostEpoch;
    unusable.add(name);
    return transition(async (ctx) => {
      releaseBackend(ctx.tf, name);
      return chooseAuto(ctx, remaining(name), [why], "fallback");
    });
  };

  /** Waits for any switch, and notices a lost WebGL context before its event has been delivered. */
  const ready = async (): Promise<Tf> => {
    const info = await start();
    if (watch?.lostNow()) await handleLoss(info.name, `${BACKEND_LABEL[info.name]} device lost`, epoch);
    if (!tf) throw new Error("engine: tfjs failed to load");
    return tf;
  };

  /** Did the backend change, or `lossWatch`'s device get lost, since `myEpoch`? Waits briefly for a WebGPU loss. */
  const lostSince = async (lossWatch: LossWatch | null, myEpoch: number): Promise<boolean> => {
    if (epoch !== myEpoch || lossWatch?.lostNow()) return true;
    const lost = lossWatch?.lost;
    if (!lost) return false;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOSS_GRACE_MS));
    return (await Promise.race([lost, timeout])) !== null;
  };

  /** Watches a backend started for large-n jobs; on loss it becomes unusable and is released. */
  const watchRouted = (t: Tf, name: BackendName): void => {
    const routedWatch = watchDeviceLoss(t, name);
    if (!routedWatch) return;
    routedWatches.get(name)?.detach();
    routedWatches.set(name, routedWatch);
    const instance = t.engine().registry[name];
    void routedWatch.lost.then(() => {
      // Released on purpose since (e.g. by the drag loop's choice), or the drag loop's own watch handles it.
      if (t.engine().registry[name] !== instance || current?.name === name) return;
      unusable.add(name);
      routedWatches.delete(name);
      large.forget(name);
      void exclusive(async () => {
        releaseBackend(t, name);
        if (current) switchNow(t, current.name);
      });
    });
  };

  /** Starts a backend for large-n jobs (alone), watches it, and hands tfjs back to the drag loop's backend. */
  const startRouted = (name: BackendName): Promise<void> =>
    exclusive(async () => {
      const ctx = await context();
      try {
        if (unusable.has(name)) throw new Error(`${BACKEND_LABEL[name]} was lost on this device`);
        const fresh = !isStarted(ctx.tf, name);
        await startBackend(ctx.tf, loader, name);
        if (fresh || !routedWatches.has(name)) watchRouted(ctx.tf, name);
      } finally {
        if (current) switchNow(ctx.tf, current.name);
      }
    });

  /**
   * Runs one update on the drag loop's backend, or on the one `route` picks (large-n jobs). If the
   * device is lost mid-flight (the readback fails, or the backend changed meanwhile), it runs once
   * more, on the fallback (drag loop) or on the next route, so the caller's pending update lands.
   */
  const compute = async <R>(
    run: (tf: Tf) => Promise<R>,
    route?: () => Promise<Route>,
  ): Promise<{ timed: Timed<R>; route: Route }> => {
    for (let attempt = 0, starts = 0; ; attempt++) {
      const t = await ready();
      const chosen = route ? await route() : null;
      while (busy > 0) await lock;
      // From here until run()'s tf.tidy has returned nothing awaits, so no other update and no
      // backend start can come between the switch and the tidy.
      const drag = current as BackendInfo;
      const name = chosen?.name ?? drag.name;
      if (!switchNow(t, name)) {
        if (starts++ > 1) throw new Error(`${BACKEND_LABEL[name]} could not be made current`);
        await startRouted(name);
        attempt -= 1;
        continue;
      }
      const lossWatch = name === drag.name ? watch : (routedWatches.get(name) ?? null);
      const myEpoch = epoch;
      const began = performance.now();
      const pending = run(t);
      switchNow(t, drag.name);
      try {
        const result = await pending;
        if (!chosen && epoch !== myEpoch && attempt === 0) continue;
        const timed = { ...result, ms: performance.now() - began };
        return { timed, route: chosen ?? { name, reason: drag.reason } };
      } catch (error) {
        // A RangeError is a bad input, not a lost device: fail at once.
        if (attempt === 0 && !(error instanceof RangeError) && (await lostSince(lossWatch, myEpoch)))
          continue;
        throw error;
      }
    }
  };

  /** An update on the drag loop's backend. */
  const onDragBackend = async <R>(run: (tf: Tf) => Promise<R>): Promise<Timed<R>> =>
    (await compute(run)).timed;

  const large = createLargeJobs({
    compute,
    start: () => start(),
    unusable,
    startRouted,
    costOf: options.costOf,
    frameBudgetMs,
  });

  const subscribe = (listener: (info: BackendInfo) => void): (() => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  return {
    start,
    info: () => current,
    setBackend(name) {
      if (name === "auto") return transition((ctx) => chooseAuto(ctx, remaining(null), [], "auto"));
      return transition((ctx) => chooseForced(ctx, name, unusable));
    },
    attention: (p: AttentionParams) => onDragBackend((t) => attentionTf(t, p)),
    mlp: (p: MlpParams) => onDragBackend((t) => mlpTf(t, p)),
    linearAttention: (p) => onDragBackend((t) => linearAttentionTf(t, p)),
    lsa: (p) => onDragBackend((t) => lsaTf(t, p)),
    hopfield: (p) => onDragBackend((t) => hopfieldTf(t, p)),
    largeAttention: large.largeAttention,
    measureAttention: large.measureAttention,
    available: large.available,
    limits: () => BACKEND_LIMITS,
    async memory() {
      const { numTensors, numBytes } = (await context()).tf.memory();
      return { numTensors, numBytes };
    },
    async numTensors() {
      const ctx = await context();
      return ctx.tf.memory().numTensors;
    },
    subscribe,
    async simulateDeviceLoss() {
      const info = await start();
      if (!watch) throw new Error(`engine: ${BACKEND_LABEL[info.name]} has no device to lose`);
      const lostEpoch = epoch;
      const fellBack = new Promise<BackendInfo>((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error("engine: no fallback after the simulated device loss"));
        }, SIMULATED_LOSS_TIMEOUT_MS);
        const unsubscribe = subscribe((next) => {
          if (epoch === lostEpoch) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(next);
        });
      });
      watch.loseForTest();
      return fellBack;
    },
  };
}

// tfjs keeps one current backend per page (a global registry), so two engines would fight over
// `tf.setBackend`. Every widget on a page therefore shares this one engine.
let page: Engine | null = null;

/**
 * The page's engine, created on first call. `forced` (from `?backend=`) applies to that first
 * call only; later calls return the same engine whatever they pass.
 */
export function pageEngine(forced?: BackendName | null): Engine {
  page ??= createEngine({ forced: forced ?? null });
  return page;
}
