import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createOverwriteStore } from "../overwriteStore";
import {
  memoryOverwriteCodec as codec,
  type MemoryOverwriteShared,
  memoryOverwriteShared,
} from "./memoryOverwriteShare";

const valid = (raw: MemoryOverwriteShared) => codec.decode(codec.encode(raw)).state;

describe("the memory-overwrite codec", () => {
  it("a store started from any valid link gives back exactly that state", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const state = valid(raw);
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        expect(memoryOverwriteShared(createOverwriteStore({ shared: state }).getState())).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the defaults as the bare version, and never throws on random text", () => {
    expect(codec.encode(memoryOverwriteShared(createOverwriteStore().getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
      { numRuns: 200 },
    );
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
