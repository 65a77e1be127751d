import { describe, expect, it } from "vitest";
import { recallCases } from "../../tests/golden/hopfieldFixtures";
import { hopfieldRetrieve } from "./hopfield";
import {
  choosePixels,
  corruptPatterns,
  modernStep,
  oneStepRecall,
  randomSignPatterns,
  recallCurve,
} from "./hopfieldRecall";
import { createRng } from "./rng";

describe("oneStepRecall against numpy", () => {
  it.each(recallCases.map((c, k) => [k, c] as const))(
    "case %i: which queries each rule recalls exactly",
    (_, c) => {
      for (const [beta, expected] of Object.entries(c.modern)) {
        expect(oneStepRecall(c.patterns, c.queries, Number(beta)).modern, `β = ${beta}`).toEqual(expected);
      }
      expect(oneStepRecall(c.patterns, c.queries, 1).classical).toEqual(c.classical);
    },
  );
});

describe("sampling", () => {
  it("choosePixels draws distinct indices, seeded, clamped to [0, d]", () => {
    const a = choosePixels(createRng(3), 49, 10);
    expect(new Set(a).size).toBe(10);
    expect(a.every((j) => Number.isInteger(j) && j >= 0 && j < 49)).toBe(true);
    expect(choosePixels(createRng(3), 49, 10)).toEqual(a);
    expect(choosePixels(createRng(4), 49, 10)).not.toEqual(a);
    expect(choosePixels(createRng(3), 5, 99).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(choosePixels(createRng(3), 5, -2)).toEqual([]);
  });

  it("corruptPatterns flips exactly the requested number of pixels in every pattern", () => {
    const rng = createRng(8);
    const patterns = randomSignPatterns(rng, 6, 25);
    expect(Array.from(patterns.data).every((v) => v === 1 || v === -1)).toBe(true);
    const queries = corruptPatterns(rng, patterns, 4);
    for (let i = 0; i < 6; i++) {
      let flipped = 0;
      for (let j = 0; j < 25; j++) if (queries.data[i * 25 + j] !== patterns.data[i * 25 + j]) flipped++;
      expect(flipped).toBe(4);
    }
  });
});

describe("recallCurve", () => {
  const base = { d: 49, flipFraction: 0.1, beta: 1, seed: 5, minQueries: 60 };

  it("is seeded per N: the same point whatever else is on the curve", () => {
    const alone = recallCurve({ ...base, counts: [12] });
    const among = recallCurve({ ...base, counts: [2, 12, 30] });
    expect(among.modern[1]).toBe(alone.modern[0]);
    expect(among.classical[1]).toBe(alone.classical[0]);
    expect(among.queries.every((q) => q >= 60)).toBe(true);
    expect(recallCurve({ ...base, seed: 6, counts: [12] }).classical[0]).not.toBe(alone.classical[0]);
  });

  it("the classical rule fails well past 0.14·d while the modern rule at β = 1 still recalls everything", () => {
    const curve = recallCurve({ ...base, counts: [1, 3, 20, 60] });
    expect(curve.classical[0]).toBe(1);
    expect(curve.classical[1]).toBeGreaterThan(0.9);
    expect(curve.classical[2]).toBeLessThan(0.1);
    expect(curve.classical[3]).toBe(0);
    expect(curve.modern).toEqual([1, 1, 1, 1]);
  });

  it("at a tiny β the modern rule blurs every query into the mean and recalls nothing once N ≥ 3", () => {
    const curve = recallCurve({ ...base, beta: 0.005, counts: [3, 10] });
    expect(curve.modern).toEqual([0, 0]);
  });
});

describe("modernStep", () => {
  it("is hopfieldRetrieve's first step without the energies", () => {
    const rng = createRng(12);
    const patterns = randomSignPatterns(rng, 7, 16);
    const queries = corruptPatterns(rng, patterns, 3);
    for (const beta of [0.01, 0.3, 5]) {
      const lean = modernStep(patterns, queries, beta);
      const full = hopfieldRetrieve({ patterns, states: queries, beta, steps: 1 }).states[0];
      Array.from(lean.data).forEach((v, k) => {
        expect(v).toBeCloseTo(full.data[k], 14);
      });
    }
    expect(() => modernStep(patterns, queries, 0)).toThrow(/β must be/);
  });
});
