import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { weightPresets } from "../../core/presets";
import { createBilinearStore } from "../bilinearStore";
import { bilinearCodec, bilinearShared } from "./bilinearShare";

const codec = bilinearCodec;
const flat = (name: keyof typeof weightPresets, which: "wq" | "wk") =>
  Array.from(weightPresets[name][which].data);

describe("the bilinear link", () => {
  it("restores every valid state exactly through the store", () => {
    expectStoreRestores(codec, (shared) => bilinearShared(createBilinearStore({ shared }).getState()));
  });

  it("writes the essay's figure as the bare version", () => {
    const essay = createBilinearStore({ initialText: "the cat sat on the mat" });
    expectDefaultsEncodeBare(codec, bilinearShared(essay.getState()));
  });

  it("keeps the valid settings of a hand-edited link and says which one it ignored", () => {
    const { state, messages } = codec.decode("v1;query=0;key=4;unit=6;wq=1,2,3,4;preset=custom");
    expect(state).toEqual({ ...codec.defaults(), query: 0, key: 4, preset: "custom", wq: [1, 2, 3, 4] });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored unit="6": unit must be a whole number from 0 to 5/),
    ]);
  });

  it("gives a named preset its matrices, and keeps matrices that are not the preset's as custom", () => {
    const named = codec.decode("v1;preset=rotation");
    expect(named).toEqual({
      state: {
        ...codec.defaults(),
        preset: "rotation",
        wq: flat("rotation", "wq"),
        wk: flat("rotation", "wk"),
      },
      messages: [],
    });
    const edited = codec.decode("v1;preset=similar;wk=0,1,1,0");
    expect(edited.state).toMatchObject({ preset: "custom", wq: flat("similar", "wq"), wk: [0, 1, 1, 0] });
    expect(edited.messages).toEqual([
      'W_Q and W_K in the link are not the "similar" preset\'s, so they are kept as custom weights.',
    ]);
  });

  it("moves a query or key past the last token to the last one, and says so", () => {
    const { state, messages } = codec.decode("v1;text=a%20b%20c;query=7");
    expect(state).toMatchObject({ query: 2, key: 2 });
    expect(messages).toEqual(["Ignored query=7: the sentence has 3 tokens (0 to 2); using the last."]);
  });
});
