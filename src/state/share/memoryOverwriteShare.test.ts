import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createOverwriteStore } from "../overwriteStore";
import { memoryOverwriteCodec as codec, memoryOverwriteShared } from "./memoryOverwriteShare";

describe("the memory-overwrite codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    expectStoreRestores(codec, (shared) =>
      memoryOverwriteShared(createOverwriteStore({ shared }).getState()),
    );
  });

  it("writes the defaults as the bare version", () => {
    expectDefaultsEncodeBare(codec, memoryOverwriteShared(createOverwriteStore().getState()));
  });

  it("keeps the valid settings of a hand-edited link and names the one it could not use", () => {
    const { state, messages } = codec.decode("v1;preset=custom;a=0.1,-7;b=1,2,3;beta=0.5");
    expect(state).toMatchObject({ preset: "custom", a: [0.1, -7], b: [-1, 0.5], beta: 0.5 });
    expect(messages).toEqual([
      expect.stringMatching(/^Ignored b="1,2,3": b must be 2 comma-separated numbers/),
    ]);
  });

  it("calls values that are not their preset's custom, and a preset with its own values stays named", () => {
    const { state, messages } = codec.decode("v1;preset=undo;c=5,5");
    expect(state.preset).toBe("custom");
    expect(messages).toEqual([
      'The values a, b, c differ from the preset "undo", so they are shown as custom.',
    ]);
    const undo = "v1;preset=undo;a=2,1;b=0,1;c=-2,-1";
    expect(codec.decode(undo)).toMatchObject({ state: { preset: "undo" }, messages: [] });
    expect(codec.encode(memoryOverwriteShared(createOverwriteStore({ preset: "undo" }).getState()))).toBe(
      undo,
    );
  });
});
