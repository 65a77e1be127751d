import { webGlContext, webGpuDevice } from "./backends";
import type { BackendName, Tf } from "./types";

/** Watches the GPU device (WebGPU) or context (WebGL) under tfjs's current backend. */
export interface LossWatch {
  /** Resolves with a reason such as "WebGPU device lost (destroyed)" when the device goes away. */
  lost: Promise<string>;
  /** True once the loss is known, even before `lost`'s handlers have run (WebGL checks the context). */
  lostNow(): boolean;
  /** Loses the device for real, the way a driver reset would: for tests. */
  loseForTest(): void;
  /** Stops listening (after a switch); a WebGPU `lost` promise cannot be unsubscribed, callers ignore it. */
  detach(): void;
}

/**
 * Starts watching the current backend's device. WASM and CPU have no device to lose: null.
 * WebGPU reports through `GPUDevice.lost`; WebGL through the canvas's `webglcontextlost` event.
 */
export function watchDeviceLoss(tf: Tf, name: BackendName): LossWatch | null {
  if (name === "webgpu") {
    const device = webGpuDevice(tf);
    if (!device) return null;
    let isLost = false;
    const lost = device.lost.then((info) => {
      isLost = true;
      return `WebGPU device lost (${info.message || info.reason || "unknown reason"})`;
    });
    return { lost, lostNow: () => isLost, loseForTest: () => device.destroy(), detach: () => {} };
  }
  if (name === "webgl") {
    const gl = webGlContext(tf);
    if (!gl) return null;
    const canvas = gl.canvas;
    let onLost: () => void = () => {};
    const lost = new Promise<string>((resolve) => {
      onLost = () => resolve("WebGL context lost");
    });
    canvas.addEventListener("webglcontextlost", onLost);
    return {
      lost,
      lostNow: () => gl.isContextLost(),
      loseForTest: () => {
        const extension = gl.getExtension("WEBGL_lose_context");
        if (!extension) throw new Error("WEBGL_lose_context is unavailable: cannot simulate a context loss");
        extension.loseContext();
      },
      detach: () => canvas.removeEventListener("webglcontextlost", onLost),
    };
  }
  return null;
}
