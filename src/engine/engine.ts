import type { AttentionParams } from "../core/attention";
import type { MlpParams } from "../core/mlp";
import { BACKEND_LABEL, BACKEND_ORDER } from "./backendParam";
import { releaseBackend } from "./backends";
import { type ChooseContext, chooseAuto, chooseForced } from "./choose";
import { attentionTf, mlpTf } from "./compute";
import { type LossWatch, watchDeviceLoss } from "./deviceLoss";
import { linearAttentionTf } from "./fastWeightsTf";
import { hopfieldTf } from "./hopfieldTf";
import { defaultLoader } from "./loadTf";
import { lsaTf } from "./lsaTf";
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
 * Every transition runs on one promise chain, so calls made during a switch wait for it.
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

  const context = async (): Promise<ChooseContext> => {
    tf ??= await loader.core();
    return { tf, loader, frameBudgetMs };
  };

  /** Runs one backend change after any change already under way; the new info goes to listeners. */
  const transition = (choose: (ctx: ChooseContext) => Promise<BackendInfo>): Promise<BackendInfo> => {
    const previous = tail ?? Promise.resolve(null);
    const next = previous
      .catch(() => null)
      .then(async () => {
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

  /** Did the backend change, or get lost, since `myEpoch`? Waits briefly for a WebGPU loss to surface. */
  const lostSince = async (myEpoch: number): Promise<boolean> => {
    if (epoch !== myEpoch || watch?.lostNow()) return true;
    const lost = watch?.lost;
    if (!lost) return false;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOSS_GRACE_MS));
    return (await Promise.race([lost, timeout])) !== null;
  };

  /**
   * Runs one compute on the current backend. If the device is lost mid-flight (the readback
   * fails, or the backend changed meanwhile), it runs once more on the fallback backend, so the
   * caller's pending update still lands.
   */
  const compute = async <R>(run: (tf: Tf) => Promise<R>): Promise<Timed<R>> => {
    for (let attempt = 0; ; attempt++) {
      const t = await ready();
      const myEpoch = epoch;
      const began = performance.now();
      try {
        const result = await run(t);
        if (epoch !== myEpoch && attempt === 0) continue;
        return { ...result, ms: performance.now() - began };
      } catch (error) {
        // A RangeError is a bad input, not a lost device: fail at once.
        if (attempt === 0 && !(error instanceof RangeError) && (await lostSince(myEpoch))) continue;
        throw error;
      }
    }
  };

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
    attention: (p: AttentionParams) => compute((t) => attentionTf(t, p)),
    mlp: (p: MlpParams) => compute((t) => mlpTf(t, p)),
    linearAttention: (p) => compute((t) => linearAttentionTf(t, p)),
    lsa: (p) => compute((t) => lsaTf(t, p)),
    hopfield: (p) => compute((t) => hopfieldTf(t, p)),
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
