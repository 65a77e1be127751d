import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createHopfieldMemoryStore } from "../hopfieldMemoryStore";
import {
  hopfieldMemoryCodec as codec,
  type HopfieldMemoryShared,
  hopfieldMemoryShared,
} from "./hopfieldMemoryShare";

const valid = (raw: HopfieldMemoryShared) => codec.decode(codec.encode(raw)).state;

describe("the hopfield-memory codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        expect(hopfieldMemoryShared(createHopfieldMemoryStore({ shared: state }).getState())).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the defaults as the bare version, and never throws on random text", () => {
    expect(codec.encode(hopfieldMemoryShared(createHopfieldMemoryStore().getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
      { numRuns: 200 },
    );
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
