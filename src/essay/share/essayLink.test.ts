import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { essayHash, parseEssayLink } from "./essayLink";

describe("the essay's figure address", () => {
  it("reads #section/id/state back as written", () => {
    const link = { section: "attention", id: "explorer", state: "v1;text=the%20dog;moved=0,1,-1" };
    expect(essayHash(link)).toBe("#attention/explorer/v1;text=the%20dog;moved=0,1,-1");
    expect(parseEssayLink(essayHash(link))).toEqual(link);
    // A state may itself hold slashes once decoded, but never raw: only the first two split.
    expect(parseEssayLink("#a/b/c/d")).toEqual({ section: "a", id: "b", state: "c/d" });
  });

  it("treats plain anchors and malformed addresses as no link", () => {
    for (const hash of [
      "",
      "#",
      "#attention",
      "#attention/",
      "#/explorer/v1",
      "#Attention/x/v1",
      "#a b/x/v1",
    ])
      expect(parseEssayLink(hash)).toBeNull();
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (hash) => {
        const link = parseEssayLink(hash);
        if (link) expect(parseEssayLink(essayHash(link))).toEqual(link);
      }),
    );
  });
});
