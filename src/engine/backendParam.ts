import type { BackendName } from "./types";

/** The automatic choice tries backends in this order: fastest first, plain JavaScript last. */
export const BACKEND_ORDER: readonly BackendName[] = ["webgpu", "webgl", "wasm", "cpu"];

/** Display names for reasons and the badge. */
export const BACKEND_LABEL: Record<BackendName, string> = {
  webgpu: "WebGPU",
  webgl: "WebGL",
  wasm: "WASM",
  cpu: "CPU",
};

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === "string" && (BACKEND_ORDER as readonly string[]).includes(value);
}

/**
 * The backend forced by a URL query such as `?backend=webgl`, or null for auto.
 * Accepts a search string with or without the leading "?"; case and surrounding spaces are
 * ignored; anything else (unknown names, "auto", empty, repeated garbage) means auto.
 */
export function parseBackendParam(search: string): BackendName | null {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get("backend");
  } catch {
    return null;
  }
  const name = value?.trim().toLowerCase();
  return isBackendName(name) ? name : null;
}
