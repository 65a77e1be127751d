import {
  BETA_MAX,
  BETA_MIN,
  CAPACITY_SIZES,
  HOPFIELD_CAPACITY_DEFAULTS as DEFAULTS,
  type HopfieldCapacityState,
  MAX_COUNT,
  MAX_FLIP_PERCENT,
  MIN_COUNT,
} from "../hopfieldCapacityStore";
import { defineCodec } from "./codec";
import { listedNumberField, seedField } from "./commonFields";
import { numberField } from "./fields";

/** Everything a link to the Hopfield capacity figure restores; the recall curve is recomputed from it. */
export interface HopfieldCapacityShared {
  /** d, pixels per random ±1 pattern: one of CAPACITY_SIZES. */
  d: number;
  /** N, the number of stored patterns the readout describes. */
  n: number;
  /** Percent of each query's pixels flipped. */
  flips: number;
  /** β of the modern rule. */
  beta: number;
  seed: number;
}

const SIZES: readonly number[] = CAPACITY_SIZES;

export const hopfieldCapacityCodec = defineCodec<HopfieldCapacityShared>({
  name: "hopfield-capacity",
  version: 1,
  fields: {
    d: listedNumberField(SIZES, DEFAULTS.d, `pixels per pattern d (${SIZES.join(", ")})`),
    n: numberField({
      fallback: DEFAULTS.count,
      min: MIN_COUNT,
      max: MAX_COUNT,
      integer: true,
      doc: "stored patterns N described by the readout",
    }),
    flips: numberField({
      fallback: DEFAULTS.flipPercent,
      min: 0,
      max: MAX_FLIP_PERCENT,
      integer: true,
      doc: "percent of each query's pixels flipped",
    }),
    beta: numberField({ fallback: DEFAULTS.beta, min: BETA_MIN, max: BETA_MAX, doc: "the modern rule's β" }),
    seed: seedField(DEFAULTS.seed, "seed of the random patterns and corruptions"),
  },
  check(state) {
    if (SIZES.includes(state.d)) return { state, messages: [] };
    return {
      state: { ...state, d: DEFAULTS.d },
      messages: [`d must be one of ${SIZES.join(", ")}; using ${DEFAULTS.d}.`],
    };
  },
});

/** The shareable part of a Hopfield capacity figure's store. */
export function hopfieldCapacityShared(s: HopfieldCapacityState): HopfieldCapacityShared {
  return { d: s.d, n: s.count, flips: s.flipPercent, beta: s.beta, seed: s.seed };
}
