import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createFastWeightsStore } from "../fastWeightsStore";
import { fastWeightsCodec as codec, fastWeightsShared } from "./fastWeightsShare";

describe("the fast-weights codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    expectStoreRestores(codec, (shared) => fastWeightsShared(createFastWeightsStore({ shared }).getState()));
  });

  it("writes the defaults as the bare version", () => {
    expectDefaultsEncodeBare(codec, fastWeightsShared(createFastWeightsStore().getState()));
  });

  it("keeps the valid settings of a hand-edited link and names the one it could not use", () => {
    const { state, messages } = codec.decode("v1;rule=delta;beta=1.5;phi=identity;step=3");
    expect(state).toMatchObject({ rule: "delta", beta: 1, phi: "identity", step: 3 });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored beta="1.5": beta must be a number from 0 to 1/),
    ]);
  });

  it("moves a step past the sentence to its last token, and says so", () => {
    const { state, messages } = codec.decode("v1;text=a%20b;step=5");
    expect(state.step).toBe(1);
    expect(messages).toEqual([
      "step=5 is past the sentence's 2 tokens (steps count from 0); showing the last, step=1.",
    ]);
    expect(codec.decode("v1;text=;step=2")).toMatchObject({
      state: { step: 0 },
      messages: ["The sentence is empty, so step=2 shows nothing; it was set to 0."],
    });
  });
});
