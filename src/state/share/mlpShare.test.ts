import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createMlpStore } from "../mlpStore";
import { createMlpWeights } from "../mlpWeights";
import { mlpCodec, mlpShared } from "./mlpShare";

const codec = mlpCodec;
const valid = (raw: Parameters<typeof codec.encode>[0]) => codec.decode(codec.encode(raw)).state;

describe("the mlp link", () => {
  it("restores every valid state exactly, through the codec and through the store", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        const store = createMlpStore({ shared: state });
        expect(mlpShared(store.getState())).toEqual(state);
        // A and B are not in the link: the seed draws them again, bit for bit.
        expect(store.getState().a).toEqual(createMlpWeights(state.seed).a);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createMlpStore({ initialText: "the cat sat on the mat" });
    expect(mlpShared(essay.getState())).toEqual(codec.defaults());
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
    const { state, messages } = codec.decode("v1;activation=tanh;seed=12.5;moved=1,0.5,-0.25");
    expect(state).toEqual({ ...codec.defaults(), activation: "tanh", moved: [1, 0.5, -0.25] });
    expect(messages).toEqual([expect.stringMatching(/^Ignored seed="12.5": seed must be a whole number/)]);
  });

  it("drops dragged positions that name no token, and says so", () => {
    const { state, messages } = codec.decode("v1;text=a%20b;moved=1,1,1,5,2,2");
    expect(state.moved).toEqual([1, 1, 1]);
    expect(messages).toEqual([expect.stringContaining('1 dragged position in "moved"')]);
  });

  it("the store shows a restored drag at once", () => {
    const store = createMlpStore({ shared: { ...codec.defaults(), moved: [2, -1.5, 0.75] } });
    expect(Array.from(store.getState().points.data.subarray(4, 6))).toEqual([-1.5, 0.75]);
  });
});
