import type { KeyKind } from "../../core/memoryCapacity";
import { CAPACITY_DIMENSIONS, CAPACITY_FACTOR, type CapacityState } from "../capacityStore";
import { defineCodec } from "./codec";
import { listedNumberField, seedField } from "./commonFields";
import { choiceField, numberField } from "./fields";

/** Everything a link to the capacity figure restores; the curves are recomputed from it. */
export interface MemoryCapacityShared {
  /** Seeds the sample of keys and values. */
  seed: number;
  /** d = d_k = d_v, one of CAPACITY_DIMENSIONS. */
  d: number;
  /** N, the associations stored now (1 … 3d). */
  n: number;
  keys: KeyKind;
}

const DIMENSIONS: readonly number[] = CAPACITY_DIMENSIONS;
const DEFAULT_DIMENSION = 8;

export const memoryCapacityCodec = defineCodec<MemoryCapacityShared>({
  name: "memory-capacity",
  version: 1,
  fields: {
    seed: seedField(1, "seed of the random keys and values"),
    d: listedNumberField(
      DIMENSIONS,
      DEFAULT_DIMENSION,
      `dimensions d of keys and values (${DIMENSIONS.join(", ")})`,
    ),
    n: numberField({
      fallback: DEFAULT_DIMENSION,
      min: 1,
      max: CAPACITY_FACTOR * (DIMENSIONS.at(-1) as number),
      integer: true,
      doc: `associations stored N (1 to ${CAPACITY_FACTOR}d)`,
    }),
    keys: choiceField({
      values: ["orthogonal", "random"] as const,
      fallback: "orthogonal",
      doc: "keys orthogonal while they fit, or independent random unit vectors",
    }),
  },
  check(state) {
    const messages: string[] = [];
    let { d, n } = state;
    if (!DIMENSIONS.includes(d)) {
      messages.push(`d must be one of ${DIMENSIONS.join(", ")}; using ${DEFAULT_DIMENSION}.`);
      d = DEFAULT_DIMENSION;
    }
    if (n > CAPACITY_FACTOR * d) {
      messages.push(
        `N = ${n} is more than ${CAPACITY_FACTOR}d = ${CAPACITY_FACTOR * d}; showing N = ${CAPACITY_FACTOR * d}.`,
      );
      n = CAPACITY_FACTOR * d;
    }
    return { state: { ...state, d, n }, messages };
  },
});

/** The shareable part of a capacity figure's store. */
export function memoryCapacityShared(s: CapacityState): MemoryCapacityShared {
  return { seed: s.seed, d: s.dimension, n: s.count, keys: s.keyKind };
}
