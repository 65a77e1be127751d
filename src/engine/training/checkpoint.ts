import { createRng } from "../../core/rng";
import { experimentById, isRegisteredExperiment } from "./experiments";
import { sizeOf } from "./parameters";
import { CONFIG_LIMITS, configProblem } from "./trainingConfig";
import type {
  Checkpoint,
  ExperimentId,
  HistoryPoint,
  Metrics,
  ModelId,
  NamedArrays,
  TrainingConfig,
} from "./types";

/*
 * Reading checkpoint files (public/checkpoints/<id>.json, or one a reader saved) without trusting
 * them: every field is checked against what the experiment's models need, and every problem
 * becomes one sentence a reader can act on. No tfjs: the page validates before it loads a backend.
 */

export type ParsedCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; message: string };

/** Longer texts are refused before parsing (the committed checkpoints are a few hundred KB). */
export const MAX_CHECKPOINT_CHARS = 16 * 1024 * 1024;
/** The most history points a checkpoint may carry. */
export const MAX_HISTORY_POINTS = 100_000;

const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"] as const;

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: Json): value is number => typeof value === "number" && Number.isFinite(value);
const isWhole = (value: Json, low: number, high: number): value is number =>
  isFiniteNumber(value) && Number.isInteger(value) && value >= low && value <= high;
const show = (value: Json) => {
  const text =
    typeof value === "number" || value === undefined
      ? String(value)
      : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/** Thrown inside the parser only, caught at its top: one problem, in words. */
class Problem extends Error {}
const fail = (message: string): never => {
  throw new Problem(message);
};

/** JSON.parse with a message that tells a truncated download from other broken text. */
function parseJson(text: string): Json {
  const trimmed = text.trim();
  if (trimmed === "") fail("The checkpoint file is empty.");
  if (trimmed.startsWith("<")) {
    fail(
      `The checkpoint file is not JSON: it starts with ${show(trimmed.slice(0, 30))}, so the server probably sent a web page instead of the file.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const endOfInput = /end of JSON input|Unterminated/i.test(reason);
    const found = /position (\d+)/.exec(reason);
    const position = found ? Number(found[1]) : text.length;
    // Broken at the very end: the text stops mid-value (a download or save that did not finish).
    const truncated = endOfInput || (found !== null && position >= trimmed.length - 1);
    if (truncated) {
      return fail(
        `The checkpoint file is truncated (invalid JSON at character ${position} of ${text.length}); it may not have finished downloading or saving.`,
      );
    }
    return fail(`The checkpoint file is not valid JSON (${reason}).`);
  }
}

function checkConfig(value: Json): TrainingConfig {
  if (!isObject(value)) return fail("The checkpoint has no training settings (config).");
  for (const field of ["seed", "steps", "batchSize", "learningRate", "options"]) {
    if (!(field in value)) fail(`The checkpoint's settings have no ${field}.`);
  }
  const problem = configProblem(value as unknown as TrainingConfig);
  if (problem) fail(`The checkpoint's settings are not usable: ${problem}.`);
  const { seed, steps, batchSize, learningRate, options } = value as unknown as TrainingConfig;
  return { seed, steps, batchSize, learningRate, options: { ...options } };
}

function checkParameter(id: ModelId, name: string, value: Json, expected: NamedArrays[string]) {
  if (!isObject(value)) return fail(`Parameter ${name} of ${id} is not an object with a shape and values.`);
  const { shape, values } = value;
  if (!Array.isArray(shape) || !shape.every((n) => isWhole(n, 0, 2 ** 24))) {
    fail(`Parameter ${name} of ${id} has no valid shape (got ${show(shape)}).`);
  }
  if (shapeText(shape as number[]) !== shapeText(expected.shape)) {
    fail(
      `Parameter ${name} of ${id} has shape ${shapeText(shape as number[])} in the checkpoint, but this experiment's ${id} needs ${shapeText(expected.shape)}.`,
    );
  }
  if (!Array.isArray(values)) return fail(`Parameter ${name} of ${id} has no list of values.`);
  const size = sizeOf(expected.shape);
  if (values.length !== size) {
    fail(
      `Parameter ${name} of ${id} has ${values.length} values; its shape ${shapeText(expected.shape)} needs ${size}.`,
    );
  }
  const bad = values.findIndex((v) => !isFiniteNumber(v));
  if (bad >= 0) {
    fail(
      `Parameter ${name} of ${id} has a value that is not a finite number at position ${bad} (${show(values[bad])}; JSON writes NaN and Infinity as null).`,
    );
  }
  return { shape: [...expected.shape], values: values as number[] };
}

function checkModels(value: Json, expected: Map<ModelId, NamedArrays>, experiment: ExperimentId) {
  if (!isObject(value)) return fail("The checkpoint has no model parameters (models).");
  const extra = Object.keys(value).filter((id) => !expected.has(id as ModelId));
  if (extra.length > 0) {
    fail(
      `The checkpoint has parameters for ${extra.join(", ")}, which the ${experiment} experiment does not train.`,
    );
  }
  const models: Checkpoint["models"] = {};
  for (const [id, shapes] of expected) {
    const model = value[id];
    if (!isObject(model)) return fail(`The checkpoint has no parameters for the ${id} model.`);
    const unknown = Object.keys(model).filter((name) => !(name in shapes));
    if (unknown.length > 0) fail(`The checkpoint has an unknown parameter ${unknown[0]} for ${id}.`);
    const parameters: Record<string, { shape: number[]; values: number[] }> = {};
    for (const [name, entry] of Object.entries(shapes)) {
      if (!(name in model)) fail(`The checkpoint has no parameter ${name} for ${id}.`);
      parameters[name] = checkParameter(id, name, model[name], entry);
    }
    models[id] = parameters;
  }
  return models;
}

function checkLosses(value: Json, ids: readonly ModelId[], where: string, everyModel: boolean): Metrics {
  if (!isObject(value)) return fail(`${where} has no losses.`);
  const losses: Metrics = {};
  for (const [id, loss] of Object.entries(value)) {
    if (!ids.includes(id as ModelId))
      fail(`${where} has a loss for ${id}, which this experiment does not train.`);
    if (!isFiniteNumber(loss))
      fail(`${where} has a loss for ${id} that is not a finite number (${show(loss)}).`);
    losses[id as ModelId] = loss as number;
  }
  if (everyModel) {
    const missing = ids.filter((id) => !(id in losses));
    if (missing.length > 0) fail(`${where} has no loss for ${missing.join(", ")}.`);
  }
  return losses;
}

function checkHistory(value: Json, ids: readonly ModelId[], step: number): HistoryPoint[] {
  if (!Array.isArray(value)) return fail("The checkpoint has no training history (history must be a list).");
  if (value.length > MAX_HISTORY_POINTS) {
    fail(`The checkpoint's history has ${value.length} points; at most ${MAX_HISTORY_POINTS} are read.`);
  }
  let previous = -1;
  return value.map((point, i): HistoryPoint => {
    const where = `History point ${i}`;
    if (!isObject(point)) return fail(`${where} is not an object with a step and losses.`);
    if (!isWhole(point.step, 0, step)) {
      fail(
        `${where} has step ${show(point.step)}; steps are whole numbers from 0 to the checkpoint's ${step}.`,
      );
    }
    if ((point.step as number) <= previous)
      fail(`${where} (step ${point.step}) does not come after step ${previous}.`);
    previous = point.step as number;
    return { step: previous, losses: checkLosses(point.losses, ids, where, false) };
  });
}

/** The parser's body: throws a Problem at the first thing wrong. */
function readCheckpoint(text: string, expected: ExperimentId): Checkpoint {
  if (typeof text !== "string") fail("The checkpoint is not text.");
  if (text.length > MAX_CHECKPOINT_CHARS) {
    fail(
      `The checkpoint file is too large (${(text.length / 2 ** 20).toFixed(1)} MB; at most ${MAX_CHECKPOINT_CHARS / 2 ** 20} MB are read).`,
    );
  }
  const root = parseJson(text);
  if (!isObject(root)) return fail("The checkpoint file does not hold a checkpoint object.");
  if (root.format !== "dynamic-weights-checkpoint") {
    fail(`This is not a Dynamic Weights checkpoint (its format is ${show(root.format)}).`);
  }
  if (root.version !== 1)
    fail(`Checkpoint version ${show(root.version)} is not supported; this page reads version 1.`);
  if (root.experiment !== expected) {
    fail(`This checkpoint is for the ${show(root.experiment)} experiment, not ${expected}.`);
  }
  if (!isRegisteredExperiment(expected)) fail(`This page cannot read ${expected} checkpoints yet.`);
  const config = checkConfig(root.config);
  const expectedShapes = new Map<ModelId, NamedArrays>();
  try {
    for (const spec of experimentById(expected).models(config)) {
      expectedShapes.set(spec.id, spec.init(createRng(0)));
    }
  } catch (error) {
    fail(
      `The checkpoint's settings do not make a model: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const ids = [...expectedShapes.keys()];
  if (!isWhole(root.step, 0, CONFIG_LIMITS.maxSteps)) {
    fail(
      `The checkpoint's step must be a whole number from 0 to ${CONFIG_LIMITS.maxSteps}, got ${show(root.step)}.`,
    );
  }
  const step = root.step as number;
  if (!BACKENDS.includes(root.backend as (typeof BACKENDS)[number])) {
    fail(`The checkpoint names an unknown backend ${show(root.backend)}.`);
  }
  if (typeof root.created !== "string") fail("The checkpoint has no creation date (created).");
  return {
    format: "dynamic-weights-checkpoint",
    version: 1,
    experiment: expected,
    config,
    step,
    backend: root.backend as Checkpoint["backend"],
    models: checkModels(root.models, expectedShapes, expected),
    history: checkHistory(root.history, ids, step),
    metrics: checkLosses(root.metrics, ids, "The checkpoint's evaluation (metrics)", true),
    created: root.created as string,
  };
}

/**
 * Parses and validates a checkpoint file for experiment `expected`: format, version, experiment,
 * settings, every model and parameter with the shapes the experiment's models have for those
 * settings, finite values, history and metrics. Never throws: a problem comes back as
 * `{ ok: false, message }`, one sentence naming what is wrong.
 */
export function parseCheckpoint(text: string, expected: ExperimentId): ParsedCheckpoint {
  try {
    return { ok: true, checkpoint: readCheckpoint(text, expected) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, message: error.message };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The checkpoint could not be read (${reason}).` };
  }
}

/**
 * At most `max` points of a loss curve: if it is longer, consecutive points are grouped into `max`
 * buckets of (nearly) equal size, and each bucket becomes one point at its middle step with each
 * model's mean loss over the bucket. The mean, rather than one sampled point, keeps the curve's
 * level honest when per-step losses are noisy. `max` ≥ 1.
 */
export function thinHistory(history: readonly HistoryPoint[], max: number): HistoryPoint[] {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`thinHistory: max must be a whole number ≥ 1, got ${max}`);
  if (history.length <= max) return history.map((p) => ({ step: p.step, losses: { ...p.losses } }));
  const thinned: HistoryPoint[] = [];
  for (let k = 0; k < max; k++) {
    const bucket = history.slice(
      Math.floor((k * history.length) / max),
      Math.floor(((k + 1) * history.length) / max),
    );
    const sums = new Map<ModelId, { total: number; count: number }>();
    for (const point of bucket) {
      for (const [id, loss] of Object.entries(point.losses) as [ModelId, number][]) {
        const sum = sums.get(id) ?? { total: 0, count: 0 };
        sum.total += loss;
        sum.count += 1;
        sums.set(id, sum);
      }
    }
    const losses: HistoryPoint["losses"] = {};
    for (const [id, { total, count }] of sums) losses[id] = total / count;
    thinned.push({ step: bucket[Math.floor(bucket.length / 2)].step, losses });
  }
  return thinned;
}
