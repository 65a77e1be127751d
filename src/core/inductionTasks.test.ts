import { describe, expect, it } from "vitest";
import {
  type InductionBatch,
  type InductionTaskOptions,
  inductionProbe,
  inductionSequenceLength,
  parseTokenSequence,
  sampleInductionBatch,
  tokenName,
} from "./inductionTasks";
import { createRng } from "./rng";

const options: InductionTaskOptions = { vocab: 16, segment: 8, maxPrefix: 8 };
const T = 24;

const sequence = (b: InductionBatch, s: number) =>
  Array.from(b.tokens.subarray(s * b.length, (s + 1) * b.length));
const maskPositions = (mask: Float32Array, b: InductionBatch, s: number) =>
  Array.from(mask.subarray(s * b.length, (s + 1) * b.length)).flatMap((v, t) => (v === 1 ? [t] : []));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe("sampleInductionBatch", () => {
  const batch = sampleInductionBatch(createRng(3), 400, options);

  it("has length T = maxPrefix + 2·segment and the documented shapes", () => {
    expect(inductionSequenceLength(options)).toBe(T);
    expect([batch.batch, batch.length, batch.vocab]).toEqual([400, T, 16]);
    expect(batch.tokens).toBeInstanceOf(Int32Array);
    for (const array of [batch.tokens, batch.targets, batch.repeatMask, batch.firstMask]) {
      expect(array.length).toBe(400 * T);
    }
    expect(batch.prefixLengths.length).toBe(400);
    expect(batch.tokens.every((id) => id >= 0 && id < 16)).toBe(true);
  });

  it("shows p + segment distinct tokens, then the segment again", () => {
    for (let s = 0; s < batch.batch; s++) {
      const tokens = sequence(batch, s);
      const p = batch.prefixLengths[s];
      expect(new Set(tokens.slice(0, p + 8)).size).toBe(p + 8);
      expect(tokens.slice(p + 8, p + 16)).toEqual(tokens.slice(p, p + 8));
    }
  });

  it("targets the next token, the last position its own", () => {
    for (let s = 0; s < 20; s++) {
      const tokens = sequence(batch, s);
      const targets = Array.from(batch.targets.subarray(s * T, (s + 1) * T));
      expect(targets).toEqual([...tokens.slice(1), tokens[T - 1]]);
    }
  });

  it("marks the predictable repeats and the fresh first copy", () => {
    for (let s = 0; s < batch.batch; s++) {
      const p = batch.prefixLengths[s];
      expect(maskPositions(batch.repeatMask, batch, s)).toEqual(range(p + 8, p + 14));
      expect(maskPositions(batch.firstMask, batch, s)).toEqual(range(p, p + 6));
      // Where repeatMask is 1, the target is the token after this token's first occurrence.
      const tokens = sequence(batch, s);
      for (const t of range(p + 8, p + 14)) {
        expect(batch.targets[s * T + t]).toBe(tokens[tokens.indexOf(tokens[t]) + 1]);
      }
    }
  });

  it("draws every prefix length from 0 to maxPrefix", () => {
    expect(new Set(batch.prefixLengths)).toEqual(new Set(range(0, 8)));
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(sampleInductionBatch(createRng(3), 400, options)).toEqual(batch);
    expect(sampleInductionBatch(createRng(4), 400, options).tokens).not.toEqual(batch.tokens);
  });

  it("works at the extremes: no prefix room, a segment of 2", () => {
    const tight = sampleInductionBatch(createRng(1), 50, { vocab: 4, segment: 2, maxPrefix: 2 });
    for (let s = 0; s < 50; s++) {
      const p = tight.prefixLengths[s];
      expect(maskPositions(tight.repeatMask, tight, s)).toEqual([p + 2]);
    }
    const noPrefix = sampleInductionBatch(createRng(1), 5, { vocab: 8, segment: 8, maxPrefix: 0 });
    expect(Array.from(noPrefix.prefixLengths)).toEqual([0, 0, 0, 0, 0]);
    expect(new Set(sequence(noPrefix, 0).slice(0, 8)).size).toBe(8);
  });

  it.each([
    [{ vocab: 1, segment: 2, maxPrefix: 0 }, /vocabulary V/],
    [{ vocab: 16, segment: 1, maxPrefix: 0 }, /segment S/],
    [{ vocab: 16, segment: 8.5, maxPrefix: 0 }, /segment S/],
    [{ vocab: 16, segment: 8, maxPrefix: 9 }, /longest prefix .* V − S = 8/],
    [{ vocab: 16, segment: 8, maxPrefix: -1 }, /longest prefix/],
    [{ vocab: Number.NaN, segment: 8, maxPrefix: 0 }, /vocabulary V/],
  ])("rejects %o with a RangeError", (bad, words) => {
    expect(() => sampleInductionBatch(createRng(1), 2, bad)).toThrow(RangeError);
    expect(() => sampleInductionBatch(createRng(1), 2, bad)).toThrow(words);
  });

  it("rejects a bad batch size", () => {
    expect(() => sampleInductionBatch(createRng(1), 0, options)).toThrow(/batch B/);
  });
  it("varies the segment length from minSegment to segment, so the gap between copies varies", () => {
    const varied = sampleInductionBatch(createRng(5), 600, { ...options, minSegment: 4 });
    expect(new Set(varied.segmentLengths)).toEqual(new Set(range(4, 8)));
    for (let b = 0; b < varied.batch; b++) {
      const row = varied.tokens.subarray(b * T, (b + 1) * T);
      const p = varied.prefixLengths[b];
      const s = varied.segmentLengths[b];
      const distinct = new Set(row.subarray(0, p + s));
      expect(distinct.size).toBe(p + s);
      expect([...row.subarray(p + s, p + 2 * s)]).toEqual([...row.subarray(p, p + s)]);
      const repeat = varied.repeatMask.subarray(b * T, (b + 1) * T);
      expect([...repeat].flatMap((m, t) => (m === 1 ? [t] : []))).toEqual(range(p + s, p + 2 * s - 2));
      // Every marked position's next token is the one after the earlier occurrence of its token.
      for (let t = p + s; t <= p + 2 * s - 2; t++) {
        expect(varied.targets[b * T + t]).toBe(row[row.indexOf(row[t]) + 1]);
      }
    }
  });

  it("keeps the fixed-length stream when minSegment equals segment, and rejects a bad minSegment", () => {
    const fixed = sampleInductionBatch(createRng(3), 400, { ...options, minSegment: 8 });
    expect(fixed.tokens).toEqual(batch.tokens);
    expect(new Set(batch.segmentLengths)).toEqual(new Set([8]));
    expect(() => sampleInductionBatch(createRng(1), 2, { ...options, minSegment: 1 })).toThrow(
      /shortest segment/,
    );
    expect(() => sampleInductionBatch(createRng(1), 2, { ...options, minSegment: 9 })).toThrow(
      /shortest segment/,
    );
  });
});

describe("inductionProbe", () => {
  it("is one fixed sequence with the repeat mid-way", () => {
    const probe = inductionProbe(options);
    expect(inductionProbe(options)).toEqual(probe);
    expect(probe.batch).toBe(1);
    expect(probe.prefixLengths[0]).toBe(4);
    const tokens = sequence(probe, 0);
    expect(tokens.slice(12, 20)).toEqual(tokens.slice(4, 12));
    expect(new Set(tokens.slice(0, 12)).size).toBe(12);
    expect(maskPositions(probe.repeatMask, probe, 0)).toEqual(range(12, 18));
  });
});

describe("tokenName", () => {
  it("names ids 0 … 15 a … p, and larger ids by number", () => {
    expect(Array.from({ length: 16 }, (_, id) => tokenName(id)).join("")).toBe("abcdefghijklmnop");
    expect(tokenName(25)).toBe("z");
    expect(tokenName(26)).toBe("26");
  });
});

describe("parseTokenSequence", () => {
  const parse = (text: string) => parseTokenSequence(text, options);

  it("reads letters with or without spaces, and upper case", () => {
    expect(parse("a b c a b")).toEqual({ tokens: [0, 1, 2, 0, 1], message: null });
    expect(parse("abcab")).toEqual({ tokens: [0, 1, 2, 0, 1], message: null });
    expect(parse("ABC, ab")).toEqual({ tokens: [0, 1, 2, 0, 1], message: null });
  });

  it("reads numbers as ids; a run of digits is one number", () => {
    expect(parse("0 1 15 3")).toEqual({ tokens: [0, 1, 15, 3], message: null });
    expect(parse("12a")).toEqual({ tokens: [12, 0], message: null });
    expect(parse("007 1")).toEqual({ tokens: [7, 1], message: null });
  });

  it("round-trips tokenName", () => {
    const ids = [3, 14, 15, 9, 2, 6];
    expect(parse(ids.map(tokenName).join(" ")).tokens).toEqual(ids);
  });

  it("asks for a sequence when the text is empty", () => {
    for (const empty of ["", "   ", "\u200f"]) {
      const { tokens, message } = parse(empty);
      expect(tokens).toEqual([]);
      expect(message).toMatch(/Type a sequence of letters a–p or numbers 0–15/);
    }
  });

  it("drops unknown letters and numbers and names them", () => {
    const { tokens, message } = parse("a z b 16 q c 99999999999");
    expect(tokens).toEqual([0, 1, 2]);
    expect(message).toContain("“z”");
    expect(message).toContain("“16”");
    expect(message).toContain("“q”");
    expect(message).toContain("“99999999…”");
    expect(message).toContain("letters a–p or numbers 0–15");
  });

  it("drops emoji and accented letters whole, naming each once", () => {
    const { tokens, message } = parse("a👍🏽b é 👨‍👩‍👧 👍🏽 c");
    expect(tokens).toEqual([0, 1, 2]);
    expect(message).toContain("“👍🏽”");
    expect(message).toContain("“é”");
    expect(message).toContain("“👨‍👩‍👧”");
    expect(message?.match(/👍🏽/g)?.length).toBe(1);
  });

  it("cuts long text to T tokens and says so", () => {
    const { tokens, message } = parse("abcdefgh".repeat(10));
    expect(tokens.length).toBe(T);
    expect(tokens.slice(0, 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0]);
    expect(message).toBe("Cut to the first 24 tokens (you typed 80).");
  });

  it("asks for at least two tokens", () => {
    expect(parse("b")).toEqual({ tokens: [1], message: "Type at least 2 tokens." });
    expect(parse("zz").message).toMatch(/Left out “z”.*Type at least 2 tokens/);
  });

  it("never throws, even on huge text, lone surrogates or bad options", () => {
    expect(() => parse("\ud800x".repeat(200_000))).not.toThrow();
    const huge = parse("🙂".repeat(100_000));
    expect(huge.tokens).toEqual([]);
    expect(huge.message).toContain("“🙂”");
    expect(parseTokenSequence(null as unknown as string, options).message).toMatch(/Type a sequence/);
    expect(parseTokenSequence("abc", { vocab: 2, segment: 8, maxPrefix: 0 }).message).toMatch(/segment S/);
  });
});
