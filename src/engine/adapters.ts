/**
 * What device a GPU backend would run on, and whether it is a software rasteriser. Software
 * GPUs (SwiftShader, llvmpipe, WARP, a WebGPU fallback adapter) work but are too slow for the
 * drag loop, so the automatic choice skips them.
 */
export interface GpuDescription {
  /** E.g. "SwiftShader (software)", "Intel gen-12lp", "ANGLE (NVIDIA GeForce …)". */
  adapter: string;
  software: boolean;
}

const SOFTWARE_NAMES = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render|\bwarp\b/i;

/** The software rasteriser a name mentions, if any: "SwiftShader", "llvmpipe", …; else null. */
export function softwareName(text: string): string | null {
  const match = SOFTWARE_NAMES.exec(text);
  if (!match) return null;
  const found = match[0].toLowerCase();
  if (found === "swiftshader") return "SwiftShader";
  if (found === "software") return "software";
  return match[0];
}

/** The fields of `GPUAdapterInfo` we read; every one may be missing or empty in some browsers. */
export interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/**
 * Describes a WebGPU adapter from its info. `adapterIsFallback` is the older
 * `GPUAdapter.isFallbackAdapter`, which some Chromium versions still expose on the adapter itself.
 */
export function describeWebGpuAdapter(info: AdapterInfoLike, adapterIsFallback = false): GpuDescription {
  const parts = [info.vendor, info.architecture, info.device, info.description].filter(
    (part): part is string => typeof part === "string" && part.trim() !== "",
  );
  const text = parts.join(" ");
  const named = softwareName(text);
  const software = named !== null || info.isFallbackAdapter === true || adapterIsFallback;
  if (named === "SwiftShader") return { adapter: "SwiftShader (software)", software };
  const base = [...new Set(parts.map((p) => p.trim()))].join(" ") || "unknown adapter";
  return { adapter: software ? `${base} (software)` : base, software };
}

/** Describes a WebGL renderer string (from WEBGL_debug_renderer_info, else the plain RENDERER). */
export function describeWebGlRenderer(renderer: string): GpuDescription {
  const named = softwareName(renderer);
  if (named === "SwiftShader") return { adapter: "SwiftShader (software)", software: true };
  const adapter = renderer.trim() || "unknown renderer";
  return named ? { adapter: `${adapter} (software)`, software: true } : { adapter, software: false };
}

/** Asks the browser for the WebGPU adapter tfjs would get; null when WebGPU is unavailable. */
export async function probeWebGpu(): Promise<GpuDescription | null> {
  if (typeof navigator === "undefined" || !("gpu" in navigator) || !navigator.gpu) return null;
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: "high-performance" });
  if (!adapter) return null;
  const legacyFallback = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return describeWebGpuAdapter(adapter.info ?? {}, legacyFallback);
}

/** The renderer of a WebGL context: the unmasked name when the browser reveals it. */
export function webGlRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const debug = gl.getExtension("WEBGL_debug_renderer_info");
  const name = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === "string" ? name : "";
}

/**
 * Why the automatic choices (the drag loop's and training's) pass over WebGPU without starting it,
 * or null if its adapter is hardware. Asking for the adapter first avoids loading the WebGPU chunk
 * and creating a device for nothing.
 */
export async function webGpuUnusable(): Promise<string | null> {
  const adapter = await probeWebGpu().catch(() => null);
  if (!adapter) return "WebGPU unavailable";
  if (adapter.software) return `WebGPU adapter is software (${adapter.adapter.replace(" (software)", "")})`;
  return null;
}
