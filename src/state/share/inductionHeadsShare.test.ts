import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createFakeDriver } from "../../../tests/support/fakeTrainingDriver";
import { createTrainingStore } from "../trainingStore";
import { inductionHeadsCodec as codec, inductionHeadsShared, PROBE_TEXT_LIMIT } from "./inductionHeadsShare";

/** A driver that sends no events: the stores here are only read and set. */
const idle = createFakeDriver("induction");

describe("the induction-heads link", () => {
  it("restores every valid configuration and probe text exactly through the store", () => {
    expectStoreRestores(codec, (shared) =>
      inductionHeadsShared(createTrainingStore("induction", idle, { shared }).getState()),
    );
  });

  it("writes the essay's figure as the bare version", () => {
    expectDefaultsEncodeBare(codec, inductionHeadsShared(createTrainingStore("induction", idle).getState()));
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
