import { describe, expect, it } from "vitest";
import { embedToken, embedTokens, knownWords, spreadDuplicates, wordGroups } from "./embedding";
import { row, toRows } from "./matrix";

const dot = (a: readonly number[], b: readonly number[]) => a[0] * b[0] + a[1] * b[1];

describe("embedToken", () => {
  it("is deterministic and case-insensitive", () => {
    expect(embedToken("Cat")).toEqual(embedToken("cat"));
    expect(embedToken("Zyzzyva")).toEqual(embedToken("zyzzyva"));
    expect(embedToken("🐈")).toEqual(embedToken("🐈"));
  });

  it("places every known word inside [−1, 1]²", () => {
    for (const word of knownWords) {
      for (const v of embedToken(word)) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
  });

  it("places unknown tokens in [−0.9, 0.9]², spread out rather than piled up", () => {
    const points = Array.from({ length: 500 }, (_, i) => embedToken(`token-${i}`));
    for (const p of points) for (const v of p) expect(Math.abs(v)).toBeLessThanOrEqual(0.9);
    const distinct = new Set(points.map((p) => p.join(",")));
    expect(distinct.size).toBeGreaterThan(495);
    const quadrants = new Set(points.map(([x, y]) => `${x > 0}${y > 0}`));
    expect(quadrants.size).toBe(4);
  });

  it("makes related words more similar (by dot product) than unrelated ones", () => {
    expect(dot(embedToken("cat"), embedToken("dog"))).toBeGreaterThan(
      dot(embedToken("cat"), embedToken("the")),
    );
    expect(dot(embedToken("red"), embedToken("blue"))).toBeGreaterThan(
      dot(embedToken("red"), embedToken("sat")),
    );
    expect(dot(embedToken("sat"), embedToken("ran"))).toBeGreaterThan(
      dot(embedToken("sat"), embedToken("she")),
    );
    expect(dot(embedToken("the"), embedToken("a"))).toBeGreaterThan(
      dot(embedToken("the"), embedToken("cat")),
    );
  });

  it("gives each word group its own direction", () => {
    const groups = wordGroups.filter((g) => g.group !== "punctuation");
    for (const g of groups) {
      const [first, ...rest] = g.words.map((w) => embedToken(w));
      for (const p of rest) expect(dot(first, p)).toBeGreaterThan(0);
    }
  });

  it("keeps punctuation near the origin, so it barely attends or is attended to", () => {
    for (const p of [".", ",", "!", "?"]) expect(Math.hypot(...embedToken(p))).toBeLessThan(0.15);
  });
});

describe("embedTokens", () => {
  it("stacks token embeddings as rows of X [n, 2]", () => {
    const x = embedTokens(["the", "cat", "sat"]);
    expect([x.rows, x.cols]).toEqual([3, 2]);
    expect(row(x, 1)).toEqual(embedToken("cat"));
  });

  it("gives an empty [0, 2] matrix for no tokens", () => {
    const x = embedTokens([]);
    expect([x.rows, x.cols]).toEqual([0, 2]);
  });
});

describe("spreadDuplicates", () => {
  it("moves repeats apart and leaves first occurrences alone, deterministically", () => {
    const tokens = ["the", "cat", "The", "the", "dog"];
    const x = embedTokens(tokens);
    const spread = spreadDuplicates(x, tokens);
    const rows = toRows(spread);
    expect(rows[0]).toEqual(row(x, 0));
    expect(rows[1]).toEqual(row(x, 1));
    expect(rows[4]).toEqual(row(x, 4));
    const positions = new Set([rows[0], rows[2], rows[3]].map((p) => p.join(",")));
    expect(positions.size).toBe(3);
    for (const i of [2, 3])
      expect(Math.hypot(rows[i][0] - rows[0][0], rows[i][1] - rows[0][1])).toBeLessThan(0.1);
    expect(toRows(spreadDuplicates(x, tokens))).toEqual(rows);
  });

  it("keeps nudged points inside [−1, 1]² and does not mutate its input", () => {
    const tokens = Array.from({ length: 64 }, () => "cat");
    const x = embedTokens(tokens);
    const before = toRows(x);
    const spread = spreadDuplicates(x, tokens);
    for (const v of spread.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(toRows(x)).toEqual(before);
  });

  it("throws a RangeError when points and tokens disagree", () => {
    expect(() => spreadDuplicates(embedTokens(["a", "b"]), ["a"])).toThrow(RangeError);
  });
});
