import { createRng } from "../core/rng";
import { describeWebGlRenderer, type GpuDescription, probeWebGpu, webGlRenderer } from "./adapters";
import { BACKEND_LABEL } from "./backendParam";
import { attentionTf } from "./compute";
import type { BackendName, Tf, TfLoader } from "./types";

/** The message of anything thrown, for reasons shown to readers. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The live WebGPU device of tfjs's current backend (tfjs keeps it as `backend.device`). */
export function webGpuDevice(tf: Tf): GPUDevice | null {
  const device = (tf.backend() as { device?: GPUDevice }).device;
  return device ?? null;
}

/** The WebGL context of tfjs's current backend (tfjs keeps it as `backend.gpgpu.gl`). */
export function webGlContext(tf: Tf): WebGLRenderingContext | WebGL2RenderingContext | null {
  const gpgpu = (tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } }).gpgpu;
  return gpgpu?.gl ?? null;
}

/**
 * Imports a backend's module and makes it tfjs's current backend. `tf.setBackend` may return
 * false (the usual failure) or throw (unregistered name, failed device request): both become an
 * Error whose message says what happened.
 */
export async function startBackend(tf: Tf, loader: TfLoader, name: BackendName): Promise<void> {
  let ok: boolean;
  try {
    await loader.backend(name);
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    throw new Error(`${BACKEND_LABEL[name]} failed to start (${errorText(error)})`);
  }
  if (!ok || tf.getBackend() !== name) throw new Error(`${BACKEND_LABEL[name]} failed to start`);
}

/**
 * Frees a backend (its GPU device, context, memory) but keeps it registered, so a later
 * `setBackend(name)` builds a fresh one, e.g. a new WebGPU device after the old one was lost.
 * Tensors still living on it are lost, which is why the engine keeps none between updates.
 */
export function releaseBackend(tf: Tf, name: BackendName): void {
  const factory = tf.findBackendFactory(name);
  if (!factory) return;
  try {
    tf.removeBackend(name);
  } catch {
    // Disposing a lost device or context can throw; the backend is gone either way.
  }
  tf.registerBackend(name, factory);
}

/** What the badge shows for the backend tfjs is running now. */
export async function describeCurrent(tf: Tf, name: BackendName): Promise<GpuDescription> {
  switch (name) {
    case "webgpu":
      return (await probeWebGpu()) ?? { adapter: "unknown adapter", software: false };
    case "webgl": {
      const gl = webGlContext(tf);
      return gl ? describeWebGlRenderer(webGlRenderer(gl)) : { adapter: "unknown renderer", software: false };
    }
    case "wasm": {
      const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
      const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
      const adapter = `WebAssembly${simd ? " SIMD" : ""}${simd && threads ? " + threads" : ""}`;
      return { adapter, software: false };
    }
    case "cpu":
      return { adapter: "JavaScript", software: false };
  }
}

/**
 * Wall time of one small attention (n = 16, d = 8) computed and read back asynchronously, after
 * one warm-up run that compiles the shaders: what one drag update costs on this backend.
 */
export async function warmRoundTripMs(tf: Tf): Promise<number> {
  const rng = createRng(16);
  const random = (rows: number, cols: number) => ({
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, () => rng.normal()),
  });
  const params = { x: random(16, 8), wq: random(8, 8), wk: random(8, 8), wv: random(8, 8), causal: true };
  await attentionTf(tf, params);
  const start = performance.now();
  await attentionTf(tf, params);
  return performance.now() - start;
}

/** True once `name` has been started (it has an instance in tfjs's registry, not just a factory). */
export function isStarted(tf: Tf, name: BackendName): boolean {
  return tf.engine().registry[name] !== undefined;
}

/**
 * Makes a started backend tfjs's current one before this returns. For a backend that already has
 * an instance, `tf.setBackend` does all its work before its first await (tfjs-core 4.22), so the
 * caller's next synchronous `tf.tidy` runs there with nothing able to interleave. Returns false if
 * `name` has not been started (or was released): start it (asynchronously) first.
 */
export function switchNow(tf: Tf, name: BackendName): boolean {
  if (!isStarted(tf, name)) return false;
  if (tf.getBackend() !== name) void tf.setBackend(name);
  return tf.getBackend() === name && tf.backend() === tf.engine().registry[name];
}
