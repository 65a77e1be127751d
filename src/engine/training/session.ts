import type {
  ExperimentId,
  GdSnapshot,
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
  MlpSnapshot,
} from "../../core/training";
import type { BackendName } from "../types";
import { createInlineDriver } from "./inlineDriver";
import type { RunOverrides, TrainingDriver } from "./protocol";
import type { Experiment } from "./types";
import { createWorkerDriver } from "./workerDriver";

/** What each experiment's figure draws, and what its probe takes and gives. */
export interface ExperimentTypes {
  gd: { snapshot: GdSnapshot; request: never; result: never };
  mlp: { snapshot: MlpSnapshot; request: never; result: never };
  induction: { snapshot: InductionSnapshot; request: InductionProbeRequest; result: InductionProbeResult };
}

/** The driver of experiment `E`, typed with its snapshot and probe. */
export type DriverOf<E extends ExperimentId> = TrainingDriver<
  ExperimentTypes[E]["snapshot"],
  ExperimentTypes[E]["request"],
  ExperimentTypes[E]["result"]
>;

export interface TrainingDriverOptions {
  /** The page's `?backend=` (null or absent: the automatic choice). */
  forced?: BackendName | null;
  /** Where the pretrained checkpoint is (default: `checkpoints/<id>.json` under the site's base URL). */
  checkpointUrl?: string;
  /** Train on the page's thread even where Web Workers exist. */
  inline?: boolean;
  /** A shorter or faster run than the experiment's defaults (tests, quick demos). */
  config?: RunOverrides;
}

/**
 * The checkpoint shipped with the site: `public/checkpoints/<id>.json`, served under Vite's base
 * URL (`import.meta.env.BASE_URL`, "/" unless the site is built for a sub-path), made absolute
 * against the page so a worker, whose relative URLs resolve against its own script, finds it too.
 */
export function defaultCheckpointUrl(experiment: ExperimentId): string {
  return absoluteUrl(`${import.meta.env.BASE_URL}checkpoints/${experiment}.json`);
}

function absoluteUrl(url: string): string {
  const base = typeof document !== "undefined" ? document.baseURI : globalThis.location?.href;
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * A driver for one Part III figure: the trainer in a Web Worker where the browser has them (the
 * page's thread never runs a training step), else, or if the worker cannot start, on the page's
 * thread yielding every frame. Only the worker's URL and the inline driver's lazy imports are
 * referenced here, so importing this loads no tfjs.
 */
export function createTrainingDriver<E extends ExperimentId>(
  experiment: E,
  options: TrainingDriverOptions = {},
): DriverOf<E> {
  const { config = {} } = options;
  const forced = options.forced ?? null;
  const checkpointUrl = options.checkpointUrl
    ? absoluteUrl(options.checkpointUrl)
    : defaultCheckpointUrl(experiment);
  type Types = ExperimentTypes[E];
  const load = async () => {
    const { experimentById } = await import("./experiments");
    return experimentById(experiment) as unknown as Experiment<
      Types["snapshot"],
      Types["request"],
      Types["result"]
    >;
  };
  const inline = () => createInlineDriver(load, { forced, checkpointUrl, config });
  if (options.inline || typeof Worker === "undefined") return inline();
  // A page on another origin (a blogger's embed) may not start our worker: train on its thread then.
  return createWorkerDriver(experiment, { forced, checkpointUrl, config, fallback: inline });
}
