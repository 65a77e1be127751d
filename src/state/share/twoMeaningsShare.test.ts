import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { sampleInputs } from "../twoMeaningsSamples";
import { createTwoMeaningsStore } from "../twoMeaningsStore";
import { twoMeaningsCodec, twoMeaningsShared } from "./twoMeaningsShare";

const codec = twoMeaningsCodec;

describe("the two-meanings link", () => {
  it("restores every valid state exactly, through the codec and through the store", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = codec.decode(codec.encode(raw)).state;
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        const store = createTwoMeaningsStore({ shared: state });
        expect(twoMeaningsShared(store.getState())).toEqual(state);
        // The sentences are not in the link: the seed and sizes draw them again, word for word.
        expect(store.getState().inputs.map((input) => input.tokens)).toEqual(
          sampleInputs(state.seed, state.inputs, state.tokens).map((input) => input.tokens),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("writes the essay's figure as the bare version", () => {
    expect(twoMeaningsShared(createTwoMeaningsStore().getState())).toEqual(codec.defaults());
    expect(codec.encode(codec.defaults())).toBe("v1");
    expect(codec.decode("v1")).toEqual({ state: codec.defaults(), messages: [] });
  });

  it("never throws on random text, and whatever it restores is valid", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
      { numRuns: 200 },
    );
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
