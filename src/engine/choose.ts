import { webGpuUnusable } from "./adapters";
import { BACKEND_LABEL, BACKEND_ORDER } from "./backendParam";
import { describeCurrent, errorText, releaseBackend, startBackend, warmRoundTripMs } from "./backends";
import type { BackendInfo, BackendName, Tf, TfLoader } from "./types";

export interface ChooseContext {
  tf: Tf;
  loader: TfLoader;
  /** Compute budget of one drag update, in ms. */
  frameBudgetMs: number;
}

const isGpu = (name: BackendName) => name === "webgpu" || name === "webgl";

/**
 * The automatic choice: tries `candidates` in order and takes the first that starts, skipping a
 * GPU backend that is software or whose warm round trip exceeds the frame budget (it would stall
 * the drag loop; such a GPU may still serve batch work). `notes` start the reason, e.g. a device
 * loss; each skipped backend adds why. `prefix` is "auto" or "fallback".
 */
export async function chooseAuto(
  ctx: ChooseContext,
  candidates: readonly BackendName[],
  notes: string[],
  prefix: string,
): Promise<BackendInfo> {
  const { tf, loader, frameBudgetMs } = ctx;
  for (const name of candidates) {
    const label = BACKEND_LABEL[name];
    if (name === "webgpu") {
      const unusable = await webGpuUnusable();
      if (unusable) {
        notes.push(unusable);
        continue;
      }
    }
    try {
      await startBackend(tf, loader, name);
    } catch (error) {
      notes.push(errorText(error));
      continue;
    }
    const device = await describeCurrent(tf, name);
    if (isGpu(name)) {
      let skip: string | null = null;
      if (device.software) skip = `${label} is software (${device.adapter.replace(" (software)", "")})`;
      else {
        const ms = await warmRoundTripMs(tf).catch(() => Number.POSITIVE_INFINITY);
        if (ms > frameBudgetMs)
          skip = `${label} slow (${Number.isFinite(ms) ? Math.round(ms) : "failed"} ms)`;
      }
      if (skip) {
        notes.push(skip);
        releaseBackend(tf, name);
        continue;
      }
    }
    const why = [...notes, `using ${label}`].join(", ");
    return {
      name,
      adapter: device.adapter,
      software: device.software,
      reason: `${prefix}: ${why}`,
      forced: false,
    };
  }
  throw new Error(`${prefix}: no backend could start (${notes.join("; ")})`);
}

/**
 * A backend the reader asked for (`?backend=` or the switcher): used even if software or slow.
 * If it cannot start, falls back through the others in the usual order, saying why.
 */
export async function chooseForced(
  ctx: ChooseContext,
  name: BackendName,
  unusable: ReadonlySet<BackendName>,
): Promise<BackendInfo> {
  try {
    await startBackend(ctx.tf, ctx.loader, name);
  } catch (error) {
    const rest = BACKEND_ORDER.filter((other) => other !== name && !unusable.has(other));
    return chooseAuto(ctx, rest, [`requested ${errorText(error)}`], "fallback");
  }
  const device = await describeCurrent(ctx.tf, name);
  return {
    name,
    adapter: device.adapter,
    software: device.software,
    reason: `forced: ${BACKEND_LABEL[name]} requested${device.software ? " (runs in software)" : ""}`,
    forced: true,
  };
}
