import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createInContextRegressionStore } from "../inContextRegressionStore";
import { inContextRegressionCodec as codec, inContextRegressionShared } from "./inContextRegressionShare";

describe("the regression codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    expectStoreRestores(
      codec,
      (shared) => inContextRegressionShared(createInContextRegressionStore({ shared }).getState()),
      { runs: 100 },
    );
  });

  it("writes the defaults as the bare version", () => {
    expectDefaultsEncodeBare(codec, inContextRegressionShared(createInContextRegressionStore().getState()));
  });

  it("keeps the valid settings of a hand-edited link and names the one it could not use", () => {
    const { state, messages } = codec.decode("v1;mode=space;d=7;n=25;layers=3;eta=0.15");
    expect(state).toMatchObject({ mode: "space", d: 7, n: 10, layers: 3, eta: 0.15 });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored n="25": n must be a whole number from 1 to 20/),
    ]);
    const restored = createInContextRegressionStore({ shared: state }).getState();
    expect([restored.context.xs.rows, restored.context.xs.cols, restored.eta]).toEqual([10, 7, 0.15]);
  });

  it("moves η onto the slider's steps and leaves out examples outside the plot, saying so", () => {
    const { state, messages } = codec.decode("v1;eta=0.33;examples=0.5,1,1.5,0,-1,-2");
    expect(state.eta).toBe(0.35);
    expect(state.examples).toEqual([0.5, 1, -1, -2]);
    expect(messages).toEqual([
      "η = 0.33 is not on the slider's steps of 0.05; using 0.35.",
      "Left out 1 example with |x| > 1, outside the plot.",
    ]);
    const none = codec.decode("v1;examples=2,0");
    expect(none.state.examples).toEqual(codec.defaults().examples);
    expect(none.messages).toEqual([expect.stringMatching(/starts from its seeded examples/)]);
  });
});
