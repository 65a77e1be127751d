import { describe, expect, it } from "vitest";
import { classicalCases } from "../../tests/golden/hopfieldFixtures";
import { hebbianWeights, signPlus, signUpdate } from "./classicalHopfield";
import { glyphPatterns, glyphPixels } from "./glyphs";
import { matrix, row } from "./matrix";

describe("classical Hopfield rule against numpy", () => {
  it.each(classicalCases.map((c, k) => [k, c] as const))(
    "case %i: Hebbian W and one sign(Wξ) step",
    (_, c) => {
      expect(Array.from(hebbianWeights(c.patterns).data)).toEqual(Array.from(c.weights.data));
      expect(Array.from(signUpdate(c.weights, c.states).data)).toEqual(Array.from(c.next.data));
    },
  );

  it("the fixtures include a zero field, where sign(0) = +1 decides the pixel", () => {
    expect(classicalCases.some((c) => c.hadTie)).toBe(true);
    expect(signPlus(0)).toBe(1);
    expect(signPlus(-0)).toBe(1);
    expect(signPlus(-1e-12)).toBe(-1);
  });
});

describe("hebbianWeights and signUpdate", () => {
  it("W is symmetric with a zero diagonal, and one stored glyph is a fixed point", () => {
    const patterns = glyphPatterns(["T"]);
    const w = hebbianWeights(patterns);
    for (let a = 0; a < 49; a++) {
      expect(w.data[a * 49 + a]).toBe(0);
      for (let b = 0; b < 49; b++) expect(w.data[a * 49 + b]).toBe(w.data[b * 49 + a]);
    }
    expect(row(signUpdate(w, patterns), 0)).toEqual(glyphPixels("T"));
  });

  it("a single stored pattern is recovered in one step from a query with a third of its pixels flipped", () => {
    const patterns = glyphPatterns(["X"]);
    const query = glyphPixels("X").map((v, j) => (j % 3 === 0 ? -v : v));
    expect(row(signUpdate(hebbianWeights(patterns), matrix(1, 49, query)), 0)).toEqual(glyphPixels("X"));
  });

  it("rejects shapes that disagree", () => {
    expect(() => signUpdate(matrix(3, 3), matrix(1, 4))).toThrow(/disagree/);
  });
});
