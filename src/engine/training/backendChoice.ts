import { webGpuUnusable } from "../adapters";
import { BACKEND_LABEL, BACKEND_ORDER } from "../backendParam";
import { describeCurrent, errorText, isStarted, releaseBackend, startBackend } from "../backends";
import type { BackendName, Tf, TfLoader } from "../types";
import type { TrainingBackend } from "./protocol";

/** The backend training runs on, with the reason in words, and whether the reader asked for it. */
export interface TrainingBackendChoice extends TrainingBackend {
  forced: boolean;
}

/**
 * Where training runs (on the worker's thread, so the page stays smooth either way).
 *
 * Auto: a hardware WebGPU adapter, else hardware WebGL, else WASM, else the CPU. A software GPU
 * (SwiftShader, llvmpipe, a fallback adapter) is skipped: its many small kernels make a training
 * step slower than WASM. A forced backend (`?backend=` or the switcher) is honoured even when it
 * runs in software; if it cannot start, the others are tried in the usual order and the reason
 * says so, e.g. "fallback: requested WebGPU failed to start (…), training on WASM".
 */
export async function chooseTrainingBackend(
  tf: Tf,
  loader: TfLoader,
  requested: BackendName | null,
): Promise<TrainingBackendChoice> {
  if (requested) {
    try {
      await startBackend(tf, loader, requested);
      const device = await describeCurrent(tf, requested);
      const software = device.software ? " (runs in software)" : "";
      return {
        name: requested,
        adapter: device.adapter,
        reason: `forced: ${BACKEND_LABEL[requested]} requested${software}`,
        forced: true,
      };
    } catch (error) {
      const rest = BACKEND_ORDER.filter((name) => name !== requested);
      return chooseAutomatically(tf, loader, rest, [`requested ${errorText(error)}`], "fallback");
    }
  }
  return chooseAutomatically(tf, loader, BACKEND_ORDER, [], "auto");
}

/** Tries `candidates` in order; each skipped one adds why to `notes`. */
async function chooseAutomatically(
  tf: Tf,
  loader: TfLoader,
  candidates: readonly BackendName[],
  notes: string[],
  prefix: "auto" | "fallback",
): Promise<TrainingBackendChoice> {
  for (const name of candidates) {
    const label = BACKEND_LABEL[name];
    if (name === "webgpu") {
      const unusable = await webGpuUnusable();
      if (unusable) {
        notes.push(unusable);
        continue;
      }
    }
    // On the page's thread tfjs is shared with the page's engine: a backend it started stays.
    const startedBefore = isStarted(tf, name);
    try {
      await startBackend(tf, loader, name);
    } catch (error) {
      notes.push(errorText(error));
      continue;
    }
    const device = await describeCurrent(tf, name);
    if (device.software) {
      notes.push(`${label} is software (${device.adapter.replace(" (software)", "")})`);
      if (!startedBefore) releaseBackend(tf, name);
      continue;
    }
    return {
      name,
      adapter: device.adapter,
      reason: `${prefix}: ${[...notes, `training on ${label}`].join(", ")}`,
      forced: false,
    };
  }
  throw new Error(`${prefix}: no backend could start for training (${notes.join("; ")})`);
}
