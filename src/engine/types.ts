import type { AttentionParams, AttentionResult } from "../core/attention";
import type { LinearAttentionParams, LinearAttentionResult } from "../core/fastWeights";
import type { LsaParams, LsaResult } from "../core/gradientDescent";
import type { HopfieldParams, HopfieldResult } from "../core/hopfield";
import type { MlpParams, MlpResult } from "../core/mlp";
import type { LargeAttentionParams, LargeAttentionResult } from "./largeAttentionTypes";

/** The tfjs backends the essay can run on, in the order the automatic choice tries them. */
export type BackendName = "webgpu" | "webgl" | "wasm" | "cpu";

/** What the badge shows: which backend computes, on what, and why it was chosen. */
export interface BackendInfo {
  name: BackendName;
  /** The device in words, e.g. "SwiftShader (software)", "Intel Xe (gen-12lp)", "WebAssembly SIMD", "JavaScript". */
  adapter: string;
  /** True when a GPU backend runs on a software rasteriser (SwiftShader, llvmpipe, a fallback adapter). */
  software: boolean;
  /** Why this backend, human-readable, e.g. "auto: WebGPU adapter is software (SwiftShader), using WASM". */
  reason: string;
  /** True when `?backend=` or an explicit switch asked for it. */
  forced: boolean;
}

/** The tfjs-core module namespace; a type only, so importing it loads nothing. */
export type Tf = typeof import("@tensorflow/tfjs-core");

/**
 * How the engine gets tfjs. The default imports the npm modules on demand; tests may inject one.
 * `backend(name)` imports the module that registers that backend (and, for wasm, sets the binary paths).
 */
export interface TfLoader {
  core(): Promise<Tf>;
  backend(name: BackendName): Promise<void>;
}

export interface EngineOptions {
  /** A backend to use even if it is software (from `?backend=`); null or absent means auto. */
  forced?: BackendName | null;
  /** Compute budget per drag frame in ms (default 8, half a 60 Hz frame so drawing still fits). */
  frameBudgetMs?: number;
  loader?: TfLoader;
  /**
   * The cost in ms of one warm large-n update of `work` on `backend`, for the auto choice; default:
   * measured with `measureAttention`-style warm runs. Tests inject made-up costs here.
   */
  costOf?: (backend: BackendName, work: AttentionWork, bestSoFar: number) => Promise<number>;
}

/** The size of one attention job: what the cost of a backend is measured and chosen for. */
export interface AttentionWork {
  n: number;
  dModel: number;
  dK: number;
}

/** One measurement of a backend on one work size. */
export interface CostSample {
  backend: BackendName;
  work: AttentionWork;
  /** Median warm wall time of one update, compute and readback, in ms. */
  ms: number;
  /** The most tensor memory held at once during one update (`tf.profile`'s peakBytes). */
  peakBytes?: number;
}

/** A result plus the wall time of its compute and readback, for the badge's "ms per update". */
export type Timed<R> = R & { ms: number };

/** One page's compute engine: backend choice, attention and MLP in tfjs, device-loss fallback. */
export interface Engine {
  /** Loads tfjs and chooses a backend (once; later calls return the same choice). */
  start(): Promise<BackendInfo>;
  /** The current backend, or null before `start` has finished. */
  info(): BackendInfo | null;
  /** Switches backend live; "auto" reruns the automatic choice. */
  setBackend(name: BackendName | "auto"): Promise<BackendInfo>;
  attention(p: AttentionParams): Promise<Timed<AttentionResult>>;
  mlp(p: MlpParams): Promise<Timed<MlpResult>>;
  /** Causal linear attention (core's `linearAttention`), Part II's fast weight section. */
  linearAttention(p: LinearAttentionParams): Promise<Timed<LinearAttentionResult>>;
  /** Stacked linear self-attention layers on in-context regression tokens (core's `lsaForward`). */
  lsa(p: LsaParams): Promise<Timed<LsaResult>>;
  /** Modern Hopfield retrieval steps (core's `hopfieldRetrieve`). */
  hopfield(p: HopfieldParams): Promise<Timed<HopfieldResult>>;
  /** Large-n attention (n up to 4096): scores and weights pooled on the backend to the view on screen. */
  largeAttention(p: LargeAttentionParams): Promise<Timed<LargeAttentionResult>>;
  /** Times `repeats` warm large-n attention updates of size `work` on `backend` (for the cost chart and the choice). */
  measureAttention(backend: BackendName, work: AttentionWork, repeats?: number): Promise<CostSample>;
  /** Backends that start on this device (GPU ones even when software): what the cost chart can measure. */
  available(): Promise<BackendName[]>;
  /** The largest n each backend accepts for large-n attention (the CPU and WASM are capped). */
  limits(): Readonly<Record<BackendName, number>>;
  /** `tf.memory()`'s tensor count and bytes, e.g. to see memory released when n goes down. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /** `tf.memory().numTensors`, to check that updates leak nothing. */
  numTensors(): Promise<number>;
  /** Called with the new info whenever the backend changes (start, switch, device loss). */
  subscribe(listener: (info: BackendInfo) => void): () => void;
  /** Test hook: loses the current GPU device or context for real, then resolves once the engine has fallen back. */
  simulateDeviceLoss(): Promise<BackendInfo>;
}
