import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { weightPresets } from "../../core/presets";
import { createTwoHeadsStore } from "../../widgets/TwoHeads/twoHeadsStore";
import { twoHeadsCodec, twoHeadsShared } from "./twoHeadsShare";

const codec = twoHeadsCodec;
const valid = (raw: Parameters<typeof codec.encode>[0]) => codec.decode(codec.encode(raw)).state;

describe("the two-heads link", () => {
  it("restores every valid state exactly, through the codec and through the store", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        const store = createTwoHeadsStore({ shared: state });
        expect(twoHeadsShared(store.getState())).toEqual(state);
        expect(store.getState().heads[1].wq).toEqual(weightPresets[state.head2].wq);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createTwoHeadsStore({ initialText: "the cat sat on the mat" });
    expect(twoHeadsShared(essay.getState())).toEqual(codec.defaults());
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
    const { state, messages } = codec.decode("v1;head1=sideways;head2=opposite;row=3");
    expect(state).toEqual({ ...codec.defaults(), head2: "opposite", row: 3 });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored head1="sideways": head1 must be one of identity/),
    ]);
  });

  it("moves a selected query past the last token back to the first, and selects none without tokens", () => {
    const past = codec.decode("v1;text=one%20two;row=5");
    expect(past.state.row).toBe(0);
    expect(past.messages).toEqual([
      "Ignored row=5: the sentence has 2 tokens (rows 0 to 1); selecting the first.",
    ]);
    expect(codec.decode("v1;text=").state.row).toBe(-1);
    expect(
      createTwoHeadsStore({ shared: codec.decode("v1;row=-1").state }).getState().selectedRow,
    ).toBeNull();
  });
});
