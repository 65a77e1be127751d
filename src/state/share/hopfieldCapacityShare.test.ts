import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createHopfieldCapacityStore } from "../hopfieldCapacityStore";
import { hopfieldCapacityCodec as codec, hopfieldCapacityShared } from "./hopfieldCapacityShare";

describe("the hopfield-capacity codec", () => {
  it("a store started from any valid link gives back exactly that state, with no notes", () => {
    expectStoreRestores(codec, (shared) => {
      const store = createHopfieldCapacityStore({ shared }).getState();
      expect(store.notes).toEqual([]);
      return hopfieldCapacityShared(store);
    });
  });

  it("writes the defaults as the bare version", () => {
    expectDefaultsEncodeBare(codec, hopfieldCapacityShared(createHopfieldCapacityStore().getState()));
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
