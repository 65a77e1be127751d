import { BACKEND_LABEL, BACKEND_ORDER } from "./backendParam";
import type { BackendName } from "./types";

/**
 * The largest n each backend takes for large-n attention. Measured in headless Chromium on a
 * 2-core machine, d = 64, one warm update with its readback (GPUs through SwiftShader):
 *
 *   n        256     1024     2048     4096
 *   CPU      43 ms   608 ms   2.3 s    -
 *   WASM     11 ms    74 ms   253 ms   1.9 s
 *   WebGL    34 ms   239 ms   678 ms   2.7 s
 *   WebGPU  101 ms   780 ms   2.1 s   10.9 s
 *
 * - CPU and WASM compute on the page's main thread: the page freezes for the whole update. The
 *   caps keep that freeze under about a second at worst on a slow device (CPU 0.6 s at 1024,
 *   WASM 0.25 s at 2048); one step more costs 4× (n²·d), 2.3 s and 1.9 s here.
 * - WebGL and WebGPU compute off the main thread, so time alone does not cap them; memory does:
 *   an n × n float32 matrix is 64 MiB at 4096 (one 4096 × 4096 texture, the size WebGL 2 devices
 *   widely allow; half of WebGPU's default 128 MiB storage-buffer binding). At 8192 it is 256 MiB,
 *   over both.
 */
export const BACKEND_LIMITS: Readonly<Record<BackendName, number>> = Object.freeze({
  webgpu: 4096,
  webgl: 4096,
  wasm: 2048,
  cpu: 1024,
});

/** The largest n any backend takes. */
export const MAX_LARGE_N = Math.max(...Object.values(BACKEND_LIMITS));

const listed = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;

/**
 * The message for n above `name`'s cap: "The CPU backend takes n up to 1024 here; for n = 2048
 * use WebGPU, WebGL or WASM." `usable` are the backends that could be used at all.
 */
export function limitMessage(name: BackendName, n: number, usable: readonly BackendName[]): string {
  const others = BACKEND_ORDER.filter(
    (other) => other !== name && usable.includes(other) && n <= BACKEND_LIMITS[other],
  );
  const head = `The ${BACKEND_LABEL[name]} backend takes n up to ${BACKEND_LIMITS[name]} here`;
  if (others.length === 0) return `${head}, and no other backend on this device takes n = ${n}.`;
  return `${head}; for n = ${n} use ${listed(others.map((other) => BACKEND_LABEL[other]))}.`;
}

/** The message for n above every cap, or for a non-integer n. */
export function sizeMessage(n: number): string {
  return `Large-n attention takes n from 1 up to ${MAX_LARGE_N} tokens (on WebGPU or WebGL); got n = ${n}.`;
}
