import { OVERWRITE_LIMIT, OVERWRITE_PRESETS, type OverwriteState, type ValueName } from "../overwriteStore";
import { defineCodec } from "./codec";
import { choiceField, type Field, numberField, numbersField } from "./fields";

/** Everything a link to the overwrite demo restores: the three written values, their preset, and β. */
export interface MemoryOverwriteShared {
  /** The preset the values came from, or "custom" once edited. */
  preset: string;
  /** The values written to e1, e2, then e1 again; two numbers each. */
  a: readonly number[];
  b: readonly number[];
  c: readonly number[];
  /** Delta rule's write strength β in [0, 1]. */
  beta: number;
}

const PRESETS = [...Object.keys(OVERWRITE_PRESETS), "custom"];
const NAMES: readonly ValueName[] = ["a", "b", "c"];
const WRITTEN_TO: Record<ValueName, string> = {
  a: "first written to e1",
  b: "written to e2",
  c: "written to e1 last",
};
const fallback = OVERWRITE_PRESETS.distinct.values;

const valueField = (name: ValueName): Field<readonly number[]> =>
  numbersField({
    fallback: fallback[name],
    min: -OVERWRITE_LIMIT,
    max: OVERWRITE_LIMIT,
    minLength: 2,
    maxLength: 2,
    doc: `the value ${name} (${WRITTEN_TO[name]}), two numbers`,
  });

const sameValues = (state: MemoryOverwriteShared, preset: string) =>
  NAMES.every((name) => OVERWRITE_PRESETS[preset].values[name].every((x, i) => x === state[name][i]));

export const memoryOverwriteCodec = defineCodec<MemoryOverwriteShared>({
  name: "memory-overwrite",
  version: 1,
  fields: {
    preset: choiceField({
      values: PRESETS,
      fallback: "distinct",
      doc: "the named values a, b, c (custom when edited)",
    }),
    a: valueField("a"),
    b: valueField("b"),
    c: valueField("c"),
    beta: numberField({ fallback: 1, min: 0, max: 1, doc: "delta rule's write strength β" }),
  },
  check(parsed) {
    // β = −0 is β = 0: the store keeps only the latter.
    const state = { ...parsed, beta: parsed.beta + 0 };
    if (state.preset === "custom" || sameValues(state, state.preset)) return { state, messages: [] };
    return {
      state: { ...state, preset: "custom" },
      messages: [`The values a, b, c differ from the preset "${state.preset}", so they are shown as custom.`],
    };
  },
});

/** The shareable part of an overwrite demo's store. */
export function memoryOverwriteShared(s: OverwriteState): MemoryOverwriteShared {
  return { preset: s.preset, a: [...s.values.a], b: [...s.values.b], c: [...s.values.c], beta: s.beta };
}
