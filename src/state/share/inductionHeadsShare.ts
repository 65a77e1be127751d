import type { TrainingState } from "../trainingTypes";
import { defineCodec } from "./codec";
import { textField } from "./fields";
import { type TrainingShared, trainingFields, trainingShared } from "./trainingShare";

/**
 * A link to the induction-heads figure: the training configuration every Part III figure shares,
 * plus the sequence the reader typed to probe the models (kept exactly as typed; the figure says
 * inline what of it it could not read).
 */
export interface InductionHeadsShared extends TrainingShared {
  probe: string;
}

/** Longer than any sequence the models take (24 tokens) written out by hand, with room to spare. */
export const PROBE_TEXT_LIMIT = 500;

export const inductionHeadsCodec = defineCodec<InductionHeadsShared>({
  name: "induction-heads",
  version: 1,
  fields: {
    ...trainingFields,
    probe: textField({
      fallback: "",
      maxLength: PROBE_TEXT_LIMIT,
      doc: "the sequence typed to test the models (letters a–p)",
    }),
  },
});

/** The shareable part of the figure's training store. */
export function inductionHeadsShared(s: TrainingState<unknown, unknown, unknown>): InductionHeadsShared {
  return { ...trainingShared(s), probe: s.probeText };
}
