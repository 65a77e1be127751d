import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createInContextRegressionStore } from "../inContextRegressionStore";
import {
  inContextRegressionCodec as codec,
  type InContextRegressionShared,
  inContextRegressionShared,
} from "./inContextRegressionShare";

const valid = (raw: InContextRegressionShared) => codec.decode(codec.encode(raw)).state;
const storeState = (state: InContextRegressionShared) =>
  inContextRegressionShared(createInContextRegressionStore({ shared: state }).getState());

describe("the regression codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        expect(storeState(state)).toEqual(state);
      }),
      { numRuns: 100 },
    );
  });

  it("writes the defaults as the bare version, and never throws on random text", () => {
    expect(codec.encode(inContextRegressionShared(createInContextRegressionStore().getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
      { numRuns: 200 },
    );
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
