import { defaultCentres } from "../../core/clusters";
import {
  CENTRE_LIMIT,
  D_CHOICES,
  DEFAULT_D,
  DEFAULT_K,
  DEFAULT_N,
  DEFAULT_SEED,
  MAX_CLUSTERS,
  MIN_CLUSTERS,
  N_STEPS,
} from "../largeAttentionSettings";
import type { LargeAttentionState } from "../largeAttentionStore";
import { defineCodec } from "./codec";
import { listedNumberField, seedField } from "./commonFields";
import { choiceField, flagField, numberField, numbersField } from "./fields";

/** Everything a link to the attention-at-scale figure restores (not the pointer's hovered entry). */
export interface LargeAttentionShared {
  n: number;
  d: number;
  k: number;
  seed: number;
  pooling: "max" | "mean";
  causal: boolean;
  /** The k dragged centres as x,y pairs; empty while every centre is where its seed put it. */
  centres: readonly number[];
  /** The zoomed block rowStart,colStart,rows,cols; empty for the whole n × n matrix. */
  zoom: readonly number[];
}

/** The seed's own centres for k clusters, flattened to x,y pairs. */
const seededCentres = (seed: number, k: number) => defaultCentres(seed, k).flat();

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** `centres` as the link writes them: empty when they are the seed's own. */
function sharedCentres(seed: number, k: number, centres: readonly number[]): number[] {
  return sameList(centres, seededCentres(seed, k)) ? [] : [...centres];
}

/** `zoom` as the link writes it: empty for the whole matrix. */
function sharedZoom(n: number, zoom: readonly number[]): number[] {
  return sameList(zoom, [0, 0, n, n]) ? [] : [...zoom];
}

export const largeAttentionCodec = defineCodec<LargeAttentionShared>({
  name: "large-attention",
  version: 1,
  fields: {
    n: listedNumberField(
      N_STEPS,
      DEFAULT_N,
      `tokens n, a power of two from ${N_STEPS[0]} to ${N_STEPS[N_STEPS.length - 1]}`,
    ),
    d: listedNumberField(D_CHOICES, DEFAULT_D, `dimension d, one of ${D_CHOICES.join(", ")}`),
    k: numberField({
      fallback: DEFAULT_K,
      min: MIN_CLUSTERS,
      max: MAX_CLUSTERS,
      integer: true,
      doc: "number of clusters k",
    }),
    seed: seedField(DEFAULT_SEED, "seeds the tokens, the head's weights and the centres' first places"),
    pooling: choiceField({
      values: ["max", "mean"] as const,
      fallback: "max",
      doc: "how a block of entries becomes one pixel",
    }),
    causal: flagField({ fallback: false, doc: "token i attends only to tokens j ≤ i" }),
    centres: numbersField({
      fallback: [],
      min: -CENTRE_LIMIT,
      max: CENTRE_LIMIT,
      maxLength: 2 * MAX_CLUSTERS,
      group: 2,
      doc: `the dragged cluster centres as x,y pairs, one pair per cluster (within ±${CENTRE_LIMIT})`,
    }),
    zoom: numbersField({
      fallback: [],
      min: 0,
      max: N_STEPS[N_STEPS.length - 1] as number,
      integer: true,
      maxLength: 4,
      group: 4,
      doc: "the zoomed block: first row, first column, rows, columns",
    }),
  },
  check(state) {
    const messages: string[] = [];
    let { n, d, zoom, centres } = state;
    if (!N_STEPS.includes(n)) {
      messages.push(`n = ${n} is not one of ${N_STEPS.join(", ")}; the figure shows n = ${DEFAULT_N}.`);
      n = DEFAULT_N;
    }
    if (!D_CHOICES.includes(d)) {
      messages.push(`d = ${d} is not one of ${D_CHOICES.join(", ")}; the figure uses d = ${DEFAULT_D}.`);
      d = DEFAULT_D;
    }
    if (centres.length > 2 * state.k) {
      messages.push(`The link gave more centres than its ${state.k} clusters; the extra ones were left out.`);
      centres = centres.slice(0, 2 * state.k);
    }
    if (centres.length > 0 && centres.length < 2 * state.k) {
      messages.push(
        `The link gave ${centres.length / 2} of ${state.k} centres; the others start where the seed puts them.`,
      );
      centres = [...centres, ...seededCentres(state.seed, state.k).slice(centres.length)];
    }
    if (zoom.length === 4) {
      const [rowStart, colStart, rows, cols] = zoom as [number, number, number, number];
      if (rows < 1 || cols < 1 || rowStart + rows > n || colStart + cols > n) {
        messages.push(`The zoomed block lies outside the ${n} × ${n} matrix; the figure shows all of it.`);
        zoom = [];
      }
    }
    return {
      state: {
        ...state,
        n,
        d,
        centres: sharedCentres(state.seed, state.k, centres),
        zoom: sharedZoom(n, zoom),
      },
      messages,
    };
  },
});

/** The shareable part of the figure's store. */
export function largeAttentionShared(s: LargeAttentionState): LargeAttentionShared {
  const { rowStart, colStart, rows, cols } = s.view;
  return {
    n: s.n,
    d: s.d,
    k: s.k,
    seed: s.seed,
    pooling: s.pooling,
    causal: s.causal,
    centres: sharedCentres(s.seed, s.k, s.centres.flat()),
    zoom: sharedZoom(s.n, [rowStart, colStart, rows, cols]),
  };
}
