import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { sampleInputs } from "../twoMeaningsSamples";
import { createTwoMeaningsStore } from "../twoMeaningsStore";
import { twoMeaningsCodec, twoMeaningsShared } from "./twoMeaningsShare";

const codec = twoMeaningsCodec;

describe("the two-meanings link", () => {
  it("restores every valid state exactly through the store", () => {
    expectStoreRestores(codec, (shared) => {
      const store = createTwoMeaningsStore({ shared });
      // The sentences are not in the link: the seed and sizes draw them again, word for word.
      expect(store.getState().inputs.map((input) => input.tokens)).toEqual(
        sampleInputs(shared.seed, shared.inputs, shared.tokens).map((input) => input.tokens),
      );
      return twoMeaningsShared(store.getState());
    });
  });

  it("writes the essay's figure as the bare version", () => {
    expectDefaultsEncodeBare(codec, twoMeaningsShared(createTwoMeaningsStore().getState()));
  });

  it("keeps the valid settings of a hand-edited link and says which one it ignored", () => {
    const { state, messages } = codec.decode("v1;seed=4294967295;inputs=51;tokens=8;preset=opposite");
    expect(state).toEqual({ seed: 4294967295, inputs: 12, tokens: 8, preset: "opposite" });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored inputs="51": inputs must be a whole number from 1 to 50/),
    ]);
  });

  it("refuses seeds the store would wrap or round, so a link never shows other sentences", () => {
    for (const seed of ["4294967296", "-1", "7.5", "Infinity"]) {
      const { state, messages } = codec.decode(`v1;seed=${seed}`);
      expect(state.seed).toBe(7);
      expect(messages).toHaveLength(1);
    }
  });
});
