import type { TrainingConfig } from "./types";

/*
 * The limits of a training config, shared by the trainer (which throws) and the checkpoint parser
 * (which turns the same words into a message). They keep a hand-edited checkpoint or a URL from
 * asking for a run that cannot fit in a page.
 */

export const CONFIG_LIMITS = {
  /** Seeds are reduced to 32 bits by createRng. */
  maxSeed: 2 ** 32 - 1,
  maxSteps: 1_000_000,
  maxBatchSize: 65_536,
  maxLearningRate: 1,
} as const;

const isWhole = (value: unknown, low: number, high: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= low && value <= high;

/**
 * What is wrong with `config`, in words, or null if nothing is: seed, steps and batch size whole
 * numbers in range, a learning rate in (0, 1], every option a finite number.
 */
export function configProblem(config: TrainingConfig): string | null {
  const { seed, steps, batchSize, learningRate, options } = config;
  if (!isWhole(seed, 0, CONFIG_LIMITS.maxSeed)) {
    return `the seed must be a whole number from 0 to ${CONFIG_LIMITS.maxSeed}, got ${seed}`;
  }
  if (!isWhole(steps, 1, CONFIG_LIMITS.maxSteps)) {
    return `steps must be a whole number from 1 to ${CONFIG_LIMITS.maxSteps}, got ${steps}`;
  }
  if (!isWhole(batchSize, 1, CONFIG_LIMITS.maxBatchSize)) {
    return `the batch size must be a whole number from 1 to ${CONFIG_LIMITS.maxBatchSize}, got ${batchSize}`;
  }
  if (
    !(typeof learningRate === "number" && learningRate > 0 && learningRate <= CONFIG_LIMITS.maxLearningRate)
  ) {
    return `the learning rate must be a number above 0 and at most ${CONFIG_LIMITS.maxLearningRate}, got ${learningRate}`;
  }
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return "the options must be an object of numbers";
  }
  for (const [name, value] of Object.entries(options)) {
    if (!(typeof value === "number" && Number.isFinite(value))) {
      return `option ${name} must be a finite number, got ${value}`;
    }
  }
  return null;
}

/** `defaults` overridden by `partial` (options merged key by key); throws a RangeError if the result is not sane. */
export function resolveConfig(
  defaults: TrainingConfig,
  partial: Partial<TrainingConfig> = {},
): TrainingConfig {
  const config: TrainingConfig = {
    ...defaults,
    ...partial,
    options: { ...defaults.options, ...partial.options },
  };
  const problem = configProblem(config);
  if (problem) throw new RangeError(`training config: ${problem}`);
  return config;
}
