import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createHopfieldCapacityStore } from "../hopfieldCapacityStore";
import {
  hopfieldCapacityCodec as codec,
  type HopfieldCapacityShared,
  hopfieldCapacityShared,
} from "./hopfieldCapacityShare";

const valid = (raw: HopfieldCapacityShared) => codec.decode(codec.encode(raw)).state;

describe("the hopfield-capacity codec", () => {
  it("a store started from any valid link gives back exactly that state, with no notes", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        const store = createHopfieldCapacityStore({ shared: state }).getState();
        expect(hopfieldCapacityShared(store)).toEqual(state);
        expect(store.notes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the defaults as the bare version, and never throws on random text", () => {
    expect(codec.encode(hopfieldCapacityShared(createHopfieldCapacityStore().getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the valid settings of a hand-edited link and names the one it could not use", () => {
    const { state, messages } = codec.decode("v1;d=100;n=60;flips=55;beta=0.25;seed=8");
    expect(state).toEqual({ d: 100, n: 60, flips: 10, beta: 0.25, seed: 8 });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored flips="55": flips must be a whole number from 0 to 40/),
    ]);
  });

  it("replaces a d the figure does not offer, and says which it offers", () => {
    expect(codec.decode("v1;d=64;n=5")).toEqual({
      state: { d: 49, n: 5, flips: 10, beta: 1, seed: 1 },
      messages: ["d must be one of 25, 49, 100; using 49."],
    });
  });
});
