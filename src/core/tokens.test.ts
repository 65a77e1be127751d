import { describe, expect, it } from "vitest";
import { tokenize, tokenizeByRegex } from "./tokens";

// Both the Intl.Segmenter path and the regex fallback must honour the same contract.
const tokenizers = { tokenize, tokenizeByRegex };

for (const [name, split] of Object.entries(tokenizers)) {
  describe(name, () => {
    it("splits on whitespace and separates punctuation", () => {
      expect(split("The cat, sat on the mat!").tokens).toEqual([
        "The",
        "cat",
        ",",
        "sat",
        "on",
        "the",
        "mat",
        "!",
      ]);
    });

    it("gives zero tokens for empty or whitespace-only text", () => {
      for (const text of ["", "   ", "\n\t \u00a0", "\u200f"]) {
        expect(split(text)).toEqual({ tokens: [], total: 0, truncated: false });
      }
    });

    it("keeps the first 64 of 65 tokens and reports total 65", () => {
      const words = Array.from({ length: 65 }, (_, i) => `w${i}`);
      const r = split(words.join(" "));
      expect(r.total).toBe(65);
      expect(r.truncated).toBe(true);
      expect(r.tokens).toEqual(words.slice(0, 64));
    });

    it("is not truncated at exactly the limit, and honours a custom limit", () => {
      expect(split("a b c", 3)).toEqual({ tokens: ["a", "b", "c"], total: 3, truncated: false });
      expect(split("a b c", 1)).toEqual({ tokens: ["a"], total: 3, truncated: true });
      expect(() => split("a", -1)).toThrow(RangeError);
    });

    it("keeps emoji intact, including variation selectors, skin tones, families and flags", () => {
      expect(split("I ❤️ 🐈").tokens).toEqual(["I", "❤️", "🐈"]);
      expect(split("👍🏽 👨‍👩‍👧 🇫🇷").tokens).toEqual(["👍🏽", "👨‍👩‍👧", "🇫🇷"]);
    });

    it("never splits a surrogate pair", () => {
      // A lone surrogate would show as a replacement character; encodeURIComponent rejects it.
      for (const token of split("a🐈b 𝒳 🐈🐈, x").tokens)
        expect(() => encodeURIComponent(token)).not.toThrow();
    });

    it("handles right-to-left text in logical order, with its own punctuation", () => {
      expect(split("مرحبا بالعالم، كيف حالك؟").tokens).toEqual(["مرحبا", "بالعالم", "،", "كيف", "حالك", "؟"]);
      expect(split("שלום עולם.").tokens).toEqual(["שלום", "עולם", "."]);
    });

    it("keeps contractions, decimals and combining accents inside their word", () => {
      expect(split("don't 3.14 cafe\u0301").tokens).toEqual(["don't", "3.14", "cafe\u0301"]);
    });

    // Typing into the box re-tokenizes on every keystroke, so a pasted megabyte must stay quick.
    // The bound is loose (about 10× a quiet machine's time, for a loaded CI box) but still fails
    // a quadratic tokenizer, which takes minutes on this input.
    it("tokenizes 1 MB of text in well under the time a quadratic tokenizer needs", () => {
      const sentence = "The quick brown fox, jumps over 🐈 the lazy dog! ";
      const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
      const start = performance.now();
      const r = split(text);
      const elapsed = performance.now() - start;
      expect(r.total).toBe(12 * Math.ceil(1_000_000 / sentence.length));
      expect(r.tokens).toHaveLength(64);
      expect(elapsed).toBeLessThan(3000);
    });

    it("stays fast on 1 MB without any whitespace", () => {
      const start = performance.now();
      const r = split("🐈".repeat(500_000));
      expect(performance.now() - start).toBeLessThan(3000);
      expect(r.tokens.every((t) => t === "🐈")).toBe(true);
    });
  });
}

describe("tokenize with Intl.Segmenter", () => {
  it("segments long words without whitespace only at safe points", () => {
    const r = tokenize(`${"a".repeat(5000)} b`);
    expect(r.tokens.at(-1)).toBe("b");
    expect(r.tokens.join("")).toBe(`${"a".repeat(5000)}b`);
  });
});
