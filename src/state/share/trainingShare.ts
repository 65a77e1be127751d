import { DEFAULT_TRAINING_SEED, MAX_TRAINING_SEED } from "../trainingStore";
import type { TrainingState } from "../trainingTypes";
import { defineCodec, type FieldsOf, type WidgetCodec } from "./codec";
import { choiceField, numberField } from "./fields";

/**
 * What a link to any Part III figure restores: the configuration the reader chose, never the
 * trained weights (a link cannot carry them). A run trained here is restored as its seed: opening
 * the link trains it again from step 0, which on the same backend gives the same curve.
 */
export interface TrainingShared {
  /** The seed of runs trained here. */
  seed: number;
  /** Steps in a full run; 0 for the experiment's own length. */
  steps: number;
  /** The Speed select: steps per second, or as fast as possible. */
  speed: Speed;
  /** What the figure shows: the pretrained checkpoint, or a run trained here from `seed`. */
  source: TrainingOrigin;
}

/** The Speed select's choices (TrainingControls' RATE_CHOICES), as a link writes them. */
export const SPEEDS = ["5", "20", "60", "max"] as const;
export type Speed = (typeof SPEEDS)[number];
export type TrainingOrigin = "checkpoint" | "scratch";

/** The longest run a trainer accepts (src/engine/training's CONFIG_LIMITS.maxSteps). */
export const MAX_RUN_STEPS = 1_000_000;

/** The fields every Part III figure's link has. */
export const trainingFields: FieldsOf<TrainingShared> = {
  seed: numberField({
    fallback: DEFAULT_TRAINING_SEED,
    min: 0,
    max: MAX_TRAINING_SEED,
    integer: true,
    doc: "seeds the parameters and the batches of a run trained here",
  }),
  steps: numberField({
    fallback: 0,
    min: 0,
    max: MAX_RUN_STEPS,
    integer: true,
    doc: "steps in a full run (0: the experiment's own length)",
  }),
  speed: choiceField({
    values: SPEEDS,
    fallback: "max",
    doc: "training steps per second (max: as fast as the backend allows)",
  }),
  source: choiceField({
    values: ["checkpoint", "scratch"] as const,
    fallback: "checkpoint",
    doc: "show the pretrained checkpoint, or train a run from scratch from the seed (it restarts when opened)",
  }),
};

/** The codec of a Part III figure whose link is the training configuration alone. */
export function trainingCodec(name: string): WidgetCodec<TrainingShared> {
  return defineCodec<TrainingShared>({ name, version: 1, fields: trainingFields });
}

/** The Speed choice for a rate limit: the nearest one (the select offers no others). */
export function speedOfRate(rate: number | null): Speed {
  if (rate === null) return "max";
  const choices = SPEEDS.filter((s) => s !== "max");
  return choices.reduce((best, s) => (Math.abs(Number(s) - rate) < Math.abs(Number(best) - rate) ? s : best));
}

/** The shareable part of a Part III store. */
export function trainingShared(s: TrainingState<unknown, unknown, unknown>): TrainingShared {
  return { seed: s.seed, steps: s.runLength, speed: speedOfRate(s.rateLimit), source: s.origin };
}
