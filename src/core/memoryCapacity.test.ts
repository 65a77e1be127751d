import { describe, expect, it } from "vitest";
import { capacityCases } from "../../tests/golden/fastWeights";
import { GOLDEN_TOLERANCE } from "../../tests/golden/fixtures";
import { matrix } from "./matrix";
import { capacityErrors, sampleCapacityMemories } from "./memoryCapacity";

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("capacityErrors against numpy golden fixtures", () => {
  it("has a d = 4 and a d = 8 case", () => {
    expect(capacityCases.map((c) => c.d)).toEqual([4, 8]);
  });

  for (const golden of capacityCases) {
    for (const expected of golden.errors) {
      it(`error per N matches: ${golden.name}, ${expected.rule} β = ${expected.beta}`, () => {
        const errors = capacityErrors({
          keys: golden.keys,
          values: golden.values,
          rule: expected.rule,
          beta: expected.beta,
        });
        expect(errors).toHaveLength(expected.errors.length);
        errors.forEach((e, i) => {
          expect(Math.abs(e - expected.errors[i]), `N = ${i + 1}`).toBeLessThanOrEqual(
            GOLDEN_TOLERANCE * Math.max(1, expected.errors[i]),
          );
        });
      });
    }
  }
});

describe("the capacity experiment", () => {
  it("samples unit keys, orthogonal up to d, with prefixes independent of the count", () => {
    const { keys, values } = sampleCapacityMemories(3, 8, 20, "orthogonal");
    const dot = (i: number, j: number) => {
      let s = 0;
      for (let a = 0; a < 8; a++) s += keys.data[i * 8 + a] * keys.data[j * 8 + a];
      return s;
    };
    for (let i = 0; i < 20; i++) expect(dot(i, i)).toBeCloseTo(1, 12);
    for (let i = 0; i < 8; i++) for (let j = 0; j < i; j++) expect(Math.abs(dot(i, j))).toBeLessThan(1e-12);
    const shorter = sampleCapacityMemories(3, 8, 5, "orthogonal");
    expect(Array.from(shorter.keys.data)).toEqual(Array.from(keys.data.subarray(0, 40)));
    expect(Array.from(shorter.values.data)).toEqual(Array.from(values.data.subarray(0, 40)));
    expect(Array.from(sampleCapacityMemories(4, 8, 5, "orthogonal").keys.data)).not.toEqual(
      Array.from(shorter.keys.data),
    );
  });

  it("orthogonal keys are recalled perfectly up to N = d by both rules, and not beyond", () => {
    for (const d of [4, 16, 32]) {
      const sample = sampleCapacityMemories(11, d, 3 * d, "orthogonal");
      const sum = capacityErrors({ ...sample, rule: "sum" });
      const delta = capacityErrors({ ...sample, rule: "delta", beta: 1 });
      expect(Math.max(...sum.slice(0, d))).toBeLessThan(1e-12);
      expect(Math.max(...delta.slice(0, d))).toBeLessThan(1e-12);
      expect(sum[d]).toBeGreaterThan(0.05);
      expect(delta[d]).toBeGreaterThan(0.05);
      // Superposition keeps piling up crosstalk; the delta rule's error stays near "forgot it".
      expect(sum[3 * d - 1]).toBeGreaterThan(sum[2 * d - 1]);
      expect(sum[3 * d - 1]).toBeGreaterThan(delta[3 * d - 1]);
      expect(Math.max(...delta)).toBeLessThan(1.5);
    }
  });

  it("random keys overlap, so the sum rule errs even before N = d and its error rises with N", () => {
    const d = 16;
    const runs = [1, 2, 3, 4, 5].map((seed) =>
      capacityErrors({ ...sampleCapacityMemories(seed, d, 3 * d, "random"), rule: "sum" }),
    );
    const at = (n: number) => mean(runs.map((errors) => errors[n - 1]));
    expect(at(1)).toBeLessThan(1e-12);
    expect(at(d / 2)).toBeGreaterThan(0.1);
    expect(at(d)).toBeGreaterThan(at(d / 2));
    expect(at(2 * d)).toBeGreaterThan(at(d));
    // Crosstalk grows roughly like √((N − 1)/d).
    expect(at(2 * d)).toBeGreaterThan(0.8);
  });

  it("returns nothing for no keys and rejects bad arguments", () => {
    expect(capacityErrors({ keys: matrix(0, 4), values: matrix(0, 4), rule: "sum" })).toEqual([]);
    expect(() => sampleCapacityMemories(1, 0, 3, "random")).toThrow(/d must be/);
    expect(() => sampleCapacityMemories(1, 4, -1, "random")).toThrow(/count/);
    const sample = sampleCapacityMemories(1, 4, 3, "random");
    expect(() => capacityErrors({ ...sample, rule: "delta", beta: 2 })).toThrow(/β/);
  });
});
