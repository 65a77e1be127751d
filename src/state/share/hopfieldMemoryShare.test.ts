import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createHopfieldMemoryStore } from "../hopfieldMemoryStore";
import { hopfieldMemoryCodec as codec, hopfieldMemoryShared } from "./hopfieldMemoryShare";

describe("the hopfield-memory codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    expectStoreRestores(codec, (shared) =>
      hopfieldMemoryShared(createHopfieldMemoryStore({ shared }).getState()),
    );
  });

  it("writes the defaults as the bare version", () => {
    expectDefaultsEncodeBare(codec, hopfieldMemoryShared(createHopfieldMemoryStore().getState()));
  });

  it("keeps the valid settings of a hand-edited link and names the one it could not use", () => {
    const { state, messages } = codec.decode("v1;stored=A,O,Z;start=Z;flipped=0,48;beta=0;step=4");
    expect(state).toMatchObject({ stored: ["A", "O", "Z"], start: "Z", flipped: [0, 48], step: 4 });
    expect(state.beta).toBe(codec.defaults().beta);
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored beta="0": beta must be a number from 0.01 to 20/),
    ]);
  });

  it("stores each glyph once, starts from a stored one, and orders the flipped pixels", () => {
    const { state, messages } = codec.decode("v1;stored=A,L,A;start=X;flipped=9,3,9");
    expect(state).toMatchObject({ stored: ["A", "L"], start: "A", flipped: [3, 9] });
    expect(messages).toEqual([
      "Each glyph is stored once; repeats were left out.",
      "The query starts from A: X is not a stored glyph.",
      "Kept each flipped pixel once, in increasing order.",
    ]);
    expect(codec.decode("v1;stored=O,O").state.stored).toEqual(codec.defaults().stored);
  });
});
