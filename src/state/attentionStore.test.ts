import { describe, expect, it } from "vitest";
import { attention } from "../core/attention";
import { createAttentionStore } from "./attentionStore";

describe("createAttentionStore: the step-by-step options", () => {
  it("starts as attention does: rows, scaled by √d, nothing masked", () => {
    const s = createAttentionStore({ initialText: "the cat sat" }).getState();
    expect(s.normalisation).toBe("rows");
    expect(s.scale).toBe(true);
    expect(s.maskedKeys).toEqual([false, false, false]);
  });

  it("sets the normalisation and ignores names it does not know", () => {
    const store = createAttentionStore({ initialText: "a b" });
    store.getState().setNormalisation("columns");
    expect(store.getState().normalisation).toBe("columns");
    store.getState().setNormalisation("diagonal" as "rows");
    expect(store.getState().normalisation).toBe("columns");
    store.getState().setNormalisation("all");
    expect(store.getState().normalisation).toBe("all");
  });

  it("toggles the √d scale", () => {
    const store = createAttentionStore({ initialText: "a b" });
    store.getState().setScale(false);
    expect(store.getState().scale).toBe(false);
  });

  it("toggles a key mask on and off, ignoring indices that name no token", () => {
    const store = createAttentionStore({ initialText: "a b c" });
    store.getState().toggleMaskedKey(1);
    expect(store.getState().maskedKeys).toEqual([false, true, false]);
    store.getState().toggleMaskedKey(5);
    store.getState().toggleMaskedKey(-1);
    store.getState().toggleMaskedKey(0.5);
    expect(store.getState().maskedKeys).toEqual([false, true, false]);
    store.getState().toggleMaskedKey(1);
    expect(store.getState().maskedKeys).toEqual([false, false, false]);
  });

  it("keeps one mask entry per token when the text changes, so core never rejects the inputs", () => {
    const store = createAttentionStore({ initialText: "a b c" });
    store.getState().toggleMaskedKey(2);
    store.getState().setText("a b c d e");
    expect(store.getState().maskedKeys).toEqual([false, false, true, false, false]);
    store.getState().setText("a b");
    expect(store.getState().maskedKeys).toEqual([false, false]);
    store.getState().setText("");
    expect(store.getState().maskedKeys).toEqual([]);
    const s = createAttentionStore({ initialText: "x y z" }).getState();
    expect(() =>
      attention({ x: s.points, wq: s.wq, wk: s.wk, wv: s.wv, maskedKeys: s.maskedKeys }),
    ).not.toThrow();
  });
});
