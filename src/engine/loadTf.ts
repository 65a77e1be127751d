import type { BackendName, Tf, TfLoader } from "./types";

/**
 * tfjs-core, imported on first use. A dynamic import keeps tfjs out of the first-paint bundle:
 * the essay's text and static figures paint while this chunk downloads.
 */
export function loadTf(): Promise<Tf> {
  return import("@tensorflow/tfjs-core");
}

/**
 * Imports the module that registers one backend with tfjs. Each backend is its own chunk and is
 * fetched only when the engine tries it, so a page on WebGPU never downloads the WASM binaries.
 */
export async function loadBackend(name: BackendName): Promise<void> {
  switch (name) {
    case "webgpu":
      await import("@tensorflow/tfjs-backend-webgpu");
      return;
    case "webgl":
      await import("@tensorflow/tfjs-backend-webgl");
      return;
    case "wasm": {
      const { configureWasm } = await import("./wasmPaths");
      configureWasm();
      return;
    }
    case "cpu":
      await import("@tensorflow/tfjs-backend-cpu");
      return;
  }
}

/** The loader the engine uses unless a test injects another. */
export const defaultLoader: TfLoader = { core: loadTf, backend: loadBackend };
