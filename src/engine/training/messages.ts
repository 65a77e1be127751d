import { isBackendName } from "../backendParam";
import type { RunOverrides, ToWorker } from "./protocol";
import { CONFIG_LIMITS } from "./trainingConfig";
import type { ExperimentId } from "./types";

/*
 * The worker accepts only well-formed messages: anything else (another script's message, a
 * malformed or hand-made object) is ignored rather than half-obeyed.
 */

const EXPERIMENTS: readonly ExperimentId[] = ["gd", "mlp", "induction"];
/** Seeds are whole numbers in [0, 2³¹ − 1], as the seed field accepts. */
const MAX_SEED = 2 ** 31 - 1;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isSeed = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;

const isRate = (value: unknown): value is number | null =>
  value === null || (typeof value === "number" && Number.isFinite(value) && value > 0);

const isWholeIn = (value: unknown, high: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= high;

/** Run overrides within the trainer's limits, or null (absent: {}). */
function readOverrides(value: unknown): RunOverrides | null {
  if (value === undefined) return {};
  if (!isRecord(value)) return null;
  const overrides: RunOverrides = {};
  const { steps, batchSize, learningRate } = value;
  if (steps !== undefined) {
    if (!isWholeIn(steps, CONFIG_LIMITS.maxSteps)) return null;
    overrides.steps = steps as number;
  }
  if (batchSize !== undefined) {
    if (!isWholeIn(batchSize, CONFIG_LIMITS.maxBatchSize)) return null;
    overrides.batchSize = batchSize as number;
  }
  if (learningRate !== undefined) {
    const ok =
      typeof learningRate === "number" && learningRate > 0 && learningRate <= CONFIG_LIMITS.maxLearningRate;
    if (!ok) return null;
    overrides.learningRate = learningRate;
  }
  return overrides;
}

/** `data` as a message to the worker, or null if it is not exactly one. */
export function readToWorker(data: unknown): ToWorker | null {
  if (!isRecord(data) || typeof data.type !== "string") return null;
  switch (data.type) {
    case "setup": {
      const { experiment, forced, checkpointUrl } = data;
      if (!EXPERIMENTS.includes(experiment as ExperimentId)) return null;
      if (forced !== null && !isBackendName(forced)) return null;
      if (typeof checkpointUrl !== "string" || checkpointUrl === "") return null;
      const config = readOverrides(data.config);
      if (!config) return null;
      return { type: "setup", experiment: experiment as ExperimentId, forced, checkpointUrl, config };
    }
    case "start":
    case "run":
    case "pause":
    case "loadCheckpoint":
    case "dispose":
      return { type: data.type };
    case "reset":
      return isSeed(data.seed) ? { type: "reset", seed: data.seed } : null;
    case "setRate":
      return isRate(data.stepsPerSecond) ? { type: "setRate", stepsPerSecond: data.stepsPerSecond } : null;
    case "setBackend": {
      const { name } = data;
      return name === "auto" || isBackendName(name) ? { type: "setBackend", name } : null;
    }
    case "probe":
      return Number.isSafeInteger(data.id) && "request" in data
        ? { type: "probe", id: data.id as number, request: data.request }
        : null;
    default:
      return null;
  }
}
