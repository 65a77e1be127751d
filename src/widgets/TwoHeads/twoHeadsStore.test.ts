import { describe, expect, it } from "vitest";
import { attention } from "../../core/attention";
import { weightPresets } from "../../core/presets";
import { createTwoHeadsStore, currentResults, headParams } from "./twoHeadsStore";

describe("createTwoHeadsStore", () => {
  it("starts with head 1 attending to similar tokens and head 2 with rotated queries", () => {
    const s = createTwoHeadsStore({ initialText: "a b c" }).getState();
    expect(s.heads.map((h) => h.preset)).toEqual(["similar", "rotation"]);
    expect(headParams(s, 1).wq).toBe(weightPresets.rotation.wq);
    expect(headParams(s, 0).x).toBe(s.points);
    expect(s.selectedRow).toBe(0);
  });

  it("changes one head's preset, leaving the other head's object untouched, and ignores unknown names", () => {
    const store = createTwoHeadsStore({ initialText: "a b" });
    const [first] = store.getState().heads;
    store.getState().setPreset(1, "opposite");
    expect(store.getState().heads[0]).toBe(first);
    expect(store.getState().heads[1].wk).toBe(weightPresets.opposite.wk);
    const heads = store.getState().heads;
    store.getState().setPreset(0, "nonsense" as "identity");
    expect(store.getState().heads).toBe(heads);
  });

  it("shares one set of points: a move is seen by both heads; results for another token count are hidden", () => {
    const store = createTwoHeadsStore({ initialText: "a b c" });
    store.getState().movePoint(1, [0.5, -0.5]);
    const s = store.getState();
    expect(Array.from(headParams(s, 0).x.data.subarray(2, 4))).toEqual([0.5, -0.5]);
    expect(headParams(s, 1).x).toBe(headParams(s, 0).x);
    const results = [attention(headParams(s, 0)), attention(headParams(s, 1))] as const;
    store.getState().setResults(results, 1);
    expect(currentResults(store.getState())).toBe(results);
    store.getState().setText("a b c d");
    expect(currentResults(store.getState())).toBeNull();
    store.getState().setText("");
    expect(store.getState().selectedRow).toBeNull();
  });
});
