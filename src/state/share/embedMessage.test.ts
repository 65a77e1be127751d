import { describe, expect, it } from "vitest";
import { EMBED_HEIGHT_MESSAGE, heightMessage, isHeightMessage, MAX_EMBED_HEIGHT } from "./embedMessage";

describe("the embed height message", () => {
  it("accepts what heightMessage makes, rounded up to a whole pixel", () => {
    const message = heightMessage("attention", 612.2);
    expect(message).toEqual({ type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "attention", height: 613 });
    expect(isHeightMessage(message)).toBe(true);
    expect(isHeightMessage({ ...message, height: MAX_EMBED_HEIGHT })).toBe(true);
  });

  it.each([
    ["null", null],
    ["a string", "dynamic-weights:height"],
    ["an array", [EMBED_HEIGHT_MESSAGE, 1, "attention", 100]],
    ["another type", { type: "dynamic-weights:other", version: 1, widget: "attention", height: 100 }],
    ["another version", { type: EMBED_HEIGHT_MESSAGE, version: 2, widget: "attention", height: 100 }],
    ["a version as text", { type: EMBED_HEIGHT_MESSAGE, version: "1", widget: "attention", height: 100 }],
    ["no widget", { type: EMBED_HEIGHT_MESSAGE, version: 1, height: 100 }],
    ["a widget that is not text", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: 7, height: 100 }],
    ["a height as text", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "a", height: "100" }],
    ["a zero height", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "a", height: 0 }],
    ["a negative height", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "a", height: -5 }],
    ["NaN", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "a", height: Number.NaN }],
    ["Infinity", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "a", height: Number.POSITIVE_INFINITY }],
    ["a huge height", { type: EMBED_HEIGHT_MESSAGE, version: 1, widget: "a", height: MAX_EMBED_HEIGHT + 1 }],
  ])("rejects %s", (_, data) => {
    expect(isHeightMessage(data)).toBe(false);
  });
});
