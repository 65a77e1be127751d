import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createCapacityStore } from "../capacityStore";
import {
  memoryCapacityCodec as codec,
  type MemoryCapacityShared,
  memoryCapacityShared,
} from "./memoryCapacityShare";

const valid = (raw: MemoryCapacityShared) => codec.decode(codec.encode(raw)).state;

describe("the memory-capacity codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        expect(memoryCapacityShared(createCapacityStore({ shared: state }).getState())).toEqual(state);
      }),
      { numRuns: 100 },
    );
  });

  it("writes the defaults as the bare version, and never throws on random text", () => {
    expect(codec.encode(memoryCapacityShared(createCapacityStore().getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the valid settings of a hand-edited link and names the one it could not use", () => {
    const { state, messages } = codec.decode("v1;seed=4294967296;d=16;n=30;keys=random");
    expect(state).toEqual({ seed: 1, d: 16, n: 30, keys: "random" });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored seed="4294967296": seed must be a whole number/),
    ]);
  });

  it("replaces a d the figure does not offer, and brings N back to 3d", () => {
    expect(codec.decode("v1;d=5;n=20")).toEqual({
      state: { seed: 1, d: 8, n: 20, keys: "orthogonal" },
      messages: ["d must be one of 4, 8, 16, 32; using 8."],
    });
    expect(codec.decode("v1;d=4;n=20")).toEqual({
      state: { seed: 1, d: 4, n: 12, keys: "orthogonal" },
      messages: ["N = 20 is more than 3d = 12; showing N = 12."],
    });
  });
});
