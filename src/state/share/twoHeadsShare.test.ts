import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { weightPresets } from "../../core/presets";
import { createTwoHeadsStore } from "../../widgets/TwoHeads/twoHeadsStore";
import { twoHeadsCodec, twoHeadsShared } from "./twoHeadsShare";

const codec = twoHeadsCodec;

describe("the two-heads link", () => {
  it("restores every valid state exactly through the store", () => {
    expectStoreRestores(codec, (shared) => {
      const store = createTwoHeadsStore({ shared });
      expect(store.getState().heads[1].wq).toEqual(weightPresets[shared.head2].wq);
      return twoHeadsShared(store.getState());
    });
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createTwoHeadsStore({ initialText: "the cat sat on the mat" });
    expectDefaultsEncodeBare(codec, twoHeadsShared(essay.getState()));
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
