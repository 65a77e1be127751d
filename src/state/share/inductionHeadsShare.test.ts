import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createTrainingStore } from "../trainingStore";
import type { TrainingDriver } from "../trainingTypes";
import { inductionHeadsCodec as codec, inductionHeadsShared, PROBE_TEXT_LIMIT } from "./inductionHeadsShare";

/** A driver that is never started: the store is only read. */
const idle: TrainingDriver<unknown> = {
  subscribe: () => () => {},
  start() {},
  run() {},
  pause() {},
  reset() {},
  loadCheckpoint() {},
  setRate() {},
  setBackend() {},
  probe: () => Promise.reject(new Error("no probes")),
  dispose() {},
};

const valid = stateArbitrary(codec).map((raw) => codec.decode(codec.encode(raw)).state);

describe("the induction-heads link", () => {
  it("restores every valid configuration and probe text exactly, through the codec and the store", () => {
    fc.assert(
      fc.property(valid, (state) => {
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        const store = createTrainingStore("induction", idle, { shared: state });
        expect(inductionHeadsShared(store.getState())).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the essay's figure as the bare version, and never throws on random text", () => {
    expect(codec.encode(inductionHeadsShared(createTrainingStore("induction", idle).getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
    );
  });

  it("keeps the typed sequence exactly, separators and markup included", () => {
    const typed = "d k f a; o=m h,%20 <b>d</b> k";
    const encoded = codec.encode({ ...codec.defaults(), probe: typed });
    expect(codec.decode(encoded)).toEqual({ state: { ...codec.defaults(), probe: typed }, messages: [] });
  });

  it("keeps the valid settings of a hand-edited link and names the bad one", () => {
    const long = "a ".repeat(PROBE_TEXT_LIMIT);
    const { state, messages } = codec.decode(`v1;seed=3;probe=${long};source=scratch`);
    expect(state).toEqual({ ...codec.defaults(), seed: 3, source: "scratch" });
    expect(messages).toEqual([expect.stringContaining("probe must be text of at most 500 characters")]);
  });
});
