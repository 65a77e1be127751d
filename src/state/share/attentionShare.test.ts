import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createAttentionStore } from "../attentionStore";
import { attentionCodec, attentionShared } from "./attentionShare";

describe("the attention explorer's link", () => {
  it("restores the store exactly: store(shared) → shared is the identity", () => {
    expectStoreRestores(
      attentionCodec,
      (shared) => attentionShared(createAttentionStore({ shared }).getState(), shared.steps),
      { runs: 300 },
    );
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createAttentionStore({ initialText: "the cat sat on the mat because it was tired" });
    expectDefaultsEncodeBare(attentionCodec, attentionShared(essay.getState(), false));
  });

  it("round-trips a reader's session: text, drags, weights, toggles", () => {
    const store = createAttentionStore({ initialText: "the cat sat" });
    const s = store.getState();
    s.movePoint(1, [0.123456789, -2.5]);
    s.setWeight("wk", 0, 1, -0.3);
    s.setCausal(true);
    s.setTemperature(0.37);
    s.setNormalisation("columns");
    s.toggleMaskedKey(2);
    s.toggleArrow("v");
    s.selectRow(2);
    const encoded = attentionCodec.encode(attentionShared(store.getState(), false));
    const restored = createAttentionStore({ shared: attentionCodec.decode(encoded).state }).getState();
    const before = store.getState();
    expect(Array.from(restored.points.data)).toEqual(Array.from(before.points.data));
    expect(Array.from(restored.wk.data)).toEqual(Array.from(before.wk.data));
    expect(restored.preset).toBe("custom");
    expect([restored.causal, restored.temperature, restored.normalisation]).toEqual([true, 0.37, "columns"]);
    expect(restored.maskedKeys).toEqual([false, false, true]);
    expect(restored.arrows).toEqual({ q: false, k: false, v: true });
    expect(restored.selectedRow).toBe(2);
  });

  it("keeps the valid parts of a hand-edited link and says what it dropped", () => {
    const { state, messages } = attentionCodec.decode(
      "v1;text=a%20b;moved=0,1,1,5,0,0,1,9,9;causal=yes;temp=0.5;masked=1,7;row=4",
    );
    expect(state.text).toBe("a b");
    expect(state.moved).toEqual([0, 1, 1]);
    expect(state.causal).toBe(false);
    expect(state.temp).toBe(0.5);
    expect(state.masked).toEqual([1]);
    expect(state.row).toBe(0);
    expect(messages).toEqual([
      expect.stringContaining('causal="yes"'),
      expect.stringContaining("Ignored 2 dragged positions"),
      expect.stringContaining("hidden keys"),
      expect.stringContaining("row 4"),
    ]);
  });

  it("keeps markup in the sentence as text", () => {
    const text = "<img src=x onerror=alert(1)>; a=b, 50%";
    const shared = { ...attentionCodec.defaults(), text };
    const encoded = attentionCodec.encode(shared);
    expect(encoded).toBe("v1;text=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3B%20a%3Db,%2050%25");
    expect(attentionCodec.decode(encoded).state.text).toBe(text);
  });
});
