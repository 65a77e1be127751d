import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createMlpStore } from "../mlpStore";
import { createMlpWeights } from "../mlpWeights";
import { mlpCodec, mlpShared } from "./mlpShare";

const codec = mlpCodec;

describe("the mlp link", () => {
  it("restores every valid state exactly through the store", () => {
    expectStoreRestores(codec, (shared) => {
      const store = createMlpStore({ shared });
      // A and B are not in the link: the seed draws them again, bit for bit.
      expect(store.getState().a).toEqual(createMlpWeights(shared.seed).a);
      return mlpShared(store.getState());
    });
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createMlpStore({ initialText: "the cat sat on the mat" });
    expectDefaultsEncodeBare(codec, mlpShared(essay.getState()));
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
