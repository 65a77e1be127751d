import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { attention } from "../../core/attention";
import { createMlpWeights } from "../mlpWeights";
import { createSideBySideStore, type SideBySideStore } from "../sideBySideStore";
import { sideBySideCodec, sideBySideShared } from "./sideBySideShare";

const codec = sideBySideCodec;

/** Lands attention for the points on screen, as the widget's engine would (here with src/core). */
function landAttention(store: SideBySideStore) {
  const s = store.getState();
  s.setAttentionResult(attention({ x: s.points, wq: s.wq, wk: s.wk, wv: s.wv }), s.points, 0);
}

describe("the side-by-side link", () => {
  it("restores every valid state exactly through the store", () => {
    expectStoreRestores(codec, (shared) => {
      const store = createSideBySideStore({ shared });
      expect(store.getState().b).toEqual(createMlpWeights(shared.seed).b);
      return sideBySideShared(store.getState());
    });
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createSideBySideStore({ initialText: "the cat sat on the mat" });
    expectDefaultsEncodeBare(codec, sideBySideShared(essay.getState()));
  });

  it("brings back frozen weights exactly: from where the tokens stood for the weights on screen", () => {
    const store = createSideBySideStore({ initialText: "the cat sat on the mat" });
    store.getState().movePoint(1, [0.5, -1]);
    landAttention(store);
    // The next drag is still computing when the reader freezes: the weights on screen are the
    // earlier ones, and the link must say where the tokens were for those.
    store.getState().movePoint(2, [-2, 2]);
    store.getState().setFrozen(true);
    const shared = sideBySideShared(store.getState());
    expect(shared).toMatchObject({ frozen: true, frozenat: [1, 0.5, -1], moved: [1, 0.5, -1, 2, -2, 2] });

    const restored = createSideBySideStore({ shared: codec.decode(codec.encode(shared)).state });
    expect(restored.getState().frozen).toEqual(store.getState().frozen);
    expect(Array.from(restored.getState().points.data)).toEqual(Array.from(store.getState().points.data));
    landAttention(restored);
    expect(restored.getState().mixing).toEqual(store.getState().frozen);

    store.getState().setFrozen(false);
    expect(sideBySideShared(store.getState())).toMatchObject({ frozen: false, frozenat: [] });
  });

  it("keeps the valid settings of a hand-edited link and says which one it ignored", () => {
    const { state, messages } = codec.decode("v1;seed=-4;frozen=1;frozenat=0,1,1;out=5");
    expect(state).toEqual({ ...codec.defaults(), frozen: true, frozenat: [0, 1, 1], out: 5 });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored seed="-4": seed must be a whole number from 0/),
    ]);
  });

  it("explains the cross-field checks: frozen positions, freezing nothing, an output past the end", () => {
    expect(codec.decode("v1;frozenat=0,1,1").messages).toEqual([
      'Ignored "frozenat": it only applies when attention is frozen (frozen=1).',
    ]);
    expect(codec.decode("v1;frozen=1;frozenat=9,1,1").messages).toEqual([
      expect.stringContaining('Ignored some positions in "frozenat"'),
    ]);
    const empty = codec.decode("v1;text=;frozen=1");
    expect(empty.state).toMatchObject({ frozen: false, out: 0 });
    expect(empty.messages).toEqual([
      "Ignored frozen=1: there are no tokens whose attention could be frozen.",
    ]);
    const past = codec.decode("v1;text=a%20b;out=2");
    expect(past.state.out).toBe(0);
    expect(past.messages).toEqual([
      "Ignored out=2: the sentence has 2 tokens (0 to 1); following the first.",
    ]);
  });
});
