import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { defaultCentres } from "../../core/clusters";
import { createLargeAttentionStore } from "../largeAttentionStore";
import { largeAttentionCodec as codec, largeAttentionShared } from "./largeAttentionShare";

describe("the large-attention link", () => {
  it("restores every valid state exactly through the store", () => {
    expectStoreRestores(codec, (shared) => {
      const store = createLargeAttentionStore({ shared });
      expect(store.getState().message).toBeNull();
      return largeAttentionShared(store.getState());
    });
  });

  it("writes the essay's figure as the bare version", () => {
    expectDefaultsEncodeBare(codec, largeAttentionShared(createLargeAttentionStore().getState()));
  });

  it("keeps the valid settings of a hand-edited link and names the bad one", () => {
    const { state, messages } = codec.decode("v1;n=1024;d=32;seed=7;pooling=median;causal=1");
    expect(state).toMatchObject({ n: 1024, d: 32, seed: 7, pooling: "max", causal: true });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored pooling="median": pooling must be one of max, mean/),
    ]);
  });

  it("says why n, d, centres and zoom that do not fit were changed", () => {
    const odd = codec.decode("v1;n=1000;d=12");
    expect(odd.state).toMatchObject({ n: 512, d: 16 });
    expect(odd.messages).toEqual([
      "n = 1000 is not one of 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096; the figure shows n = 512.",
      "d = 12 is not one of 2, 8, 16, 32, 64; the figure uses d = 16.",
    ]);
    const many = codec.decode("v1;k=2;centres=0.1,0.2,0.3,0.4,0.5,0.6");
    expect(many.state.centres).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(many.messages).toEqual([expect.stringContaining("more centres than its 2 clusters")]);
    const few = codec.decode("v1;k=3;seed=4;centres=0.1,0.2");
    expect(few.state.centres).toEqual([0.1, 0.2, ...defaultCentres(4, 3).flat().slice(2)]);
    expect(few.messages).toEqual([expect.stringContaining("1 of 3 centres")]);
    const outside = codec.decode("v1;n=64;zoom=60,0,8,8");
    expect(outside.state.zoom).toEqual([]);
    expect(outside.messages).toEqual([
      "The zoomed block lies outside the 64 × 64 matrix; the figure shows all of it.",
    ]);
  });

  it("writes a dragged centre and a zoom, and restores them bit for bit", () => {
    const store = createLargeAttentionStore({ n: 64, seed: 3 });
    store.getState().moveCentre(1, [0.1 + 0.2, -1 / 3]);
    store.getState().setView({ rowStart: 8, colStart: 16, rows: 32, cols: 16 });
    const encoded = codec.encode(largeAttentionShared(store.getState()));
    expect(encoded).toContain("zoom=8,16,32,16");
    expect(encoded).toContain("0.30000000000000004,-0.3333333333333333");
    const restored = createLargeAttentionStore({ shared: codec.decode(encoded).state }).getState();
    expect(restored.centres).toEqual(store.getState().centres);
    expect(restored.view).toEqual(store.getState().view);
    expect(Array.from(restored.x.data)).toEqual(Array.from(store.getState().x.data));
  });
});
