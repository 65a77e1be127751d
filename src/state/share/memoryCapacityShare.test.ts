import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createCapacityStore } from "../capacityStore";
import { memoryCapacityCodec as codec, memoryCapacityShared } from "./memoryCapacityShare";

describe("the memory-capacity codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    expectStoreRestores(codec, (shared) => memoryCapacityShared(createCapacityStore({ shared }).getState()), {
      runs: 100,
    });
  });

  it("writes the defaults as the bare version", () => {
    expectDefaultsEncodeBare(codec, memoryCapacityShared(createCapacityStore().getState()));
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
