import { describe, expect, it } from "vitest";
import { sequenceCases } from "../../tests/golden/fastWeights";
import { GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { fastWeightMemory } from "./fastWeightMemory";
import { applyFeatureMap, linearAttention } from "./fastWeights";
import { fromRows, matrix, row } from "./matrix";
import { createRng } from "./rng";

function randomMatrix(rows: number, cols: number, seed: number) {
  const rng = createRng(seed);
  return matrix(
    rows,
    cols,
    Array.from({ length: rows * cols }, () => rng.normal()),
  );
}

describe("fast weights and linear attention against numpy golden fixtures", () => {
  it("has the cases the fixtures promise", () => {
    const names = sequenceCases.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "identity, unnormalised",
        "identity, normalised",
        "elu+1, unnormalised",
        "elu+1, normalised",
        "overwrite: sum rule",
        "overwrite: delta rule, beta 1",
        "overwrite: delta rule, beta 0.5",
        "delta rule, elu+1, normalised, beta 0.7",
      ]),
    );
  });

  for (const golden of sequenceCases) {
    const params = {
      q: golden.q,
      k: golden.k,
      v: golden.v,
      featureMap: golden.featureMap,
      normalise: golden.normalise,
    };

    it(`fast weight memory matches every step: ${golden.name}`, () => {
      const memory = fastWeightMemory({ ...params, rule: golden.rule, beta: golden.beta });
      expect(maxScaledError(memory.recalled, golden.recalled)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(maxScaledError(memory.written, golden.written)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(maxScaledError(memory.normalisers, golden.memoryNormalisers)).toBeLessThanOrEqual(
        GOLDEN_TOLERANCE,
      );
      expect(maxScaledError(memory.reads, golden.reads)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(memory.memories).toHaveLength(golden.memories.length);
      memory.memories.forEach((w, t) => {
        expect(maxScaledError(w, golden.memories[t]), `W_${t}`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
        expect(maxScaledError(memory.updates[t], golden.updates[t]), `ΔW_${t}`).toBeLessThanOrEqual(
          GOLDEN_TOLERANCE,
        );
      });
    });

    const attention = golden.attention;
    if (attention) {
      it(`causal linear attention matches, and equals the sum-rule reads: ${golden.name}`, () => {
        const result = linearAttention(params);
        expect(maxScaledError(result.scores, attention.scores)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
        expect(maxScaledError(result.normalisers, attention.normalisers)).toBeLessThanOrEqual(
          GOLDEN_TOLERANCE,
        );
        expect(maxScaledError(result.weights, attention.weights)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
        expect(maxScaledError(result.out, attention.out)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
        // Fast weights equal causal linear attention: the golden reads come from numpy's loop form.
        expect(maxScaledError(result.out, golden.reads)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      });
    }
  }

  it("the delta rule overwrites: after e1 → a, e2 → b, e1 → c, reading e1 gives a + c (sum) or c (delta, β = 1)", () => {
    const byName = (name: string) => sequenceCases.find((c) => c.name === name);
    const sum = byName("overwrite: sum rule");
    const delta = byName("overwrite: delta rule, beta 1");
    if (!sum || !delta) throw new Error("golden overwrite cases missing");
    const a = row(sum.v, 0);
    const c = row(sum.v, 2);
    const run = (rule: "sum" | "delta") =>
      row(
        fastWeightMemory({ q: sum.q, k: sum.k, v: sum.v, featureMap: "identity", normalise: false, rule })
          .reads,
        2,
      );
    expect(run("sum")).toEqual([a[0] + c[0], a[1] + c[1]]);
    expect(run("delta")).toEqual(c);
    expect(row(delta.reads, 2)).toEqual(c);
  });
});

describe("linearAttention and fastWeightMemory", () => {
  it("elu+1 is positive everywhere and equals x + 1 above 0, exp(x) below", () => {
    const phi = applyFeatureMap(fromRows([[-50, -1, 0, 2]]), "elu1");
    expect(Array.from(phi.data)).toEqual([Math.exp(-50), Math.exp(-1), 1, 3]);
    expect(phi.data.every((x) => x > 0)).toBe(true);
  });

  it("the sum rule's W_t grows by exactly one outer product per token", () => {
    const q = randomMatrix(5, 4, 1);
    const k = randomMatrix(5, 4, 2);
    const v = randomMatrix(5, 3, 3);
    const memory = fastWeightMemory({ q, k, v, featureMap: "elu1", normalise: false, rule: "sum" });
    for (let t = 1; t < 5; t++) {
      const phiK = row(memory.phiK, t);
      for (let a = 0; a < 3; a++) {
        for (let b = 0; b < 4; b++) {
          const grown = memory.memories[t].data[a * 4 + b] - memory.memories[t - 1].data[a * 4 + b];
          expect(grown).toBeCloseTo(v.data[t * 3 + a] * phiK[b], 12);
        }
      }
    }
  });

  it("the delta rule with β = 0 writes nothing; the attention form stays causal", () => {
    const q = randomMatrix(4, 2, 4);
    const k = randomMatrix(4, 2, 5);
    const v = randomMatrix(4, 2, 6);
    const frozen = fastWeightMemory({
      q,
      k,
      v,
      featureMap: "identity",
      normalise: false,
      rule: "delta",
      beta: 0,
    });
    expect(frozen.memories.every((w) => w.data.every((x) => x === 0))).toBe(true);
    // Changing a later token leaves earlier outputs untouched.
    const later = matrix(4, 2, v.data);
    later.data[7] += 10;
    const a = linearAttention({ q, k, v, featureMap: "identity", normalise: true });
    const b = linearAttention({ q, k, v: later, featureMap: "identity", normalise: true });
    expect(Array.from(b.out.data.subarray(0, 6))).toEqual(Array.from(a.out.data.subarray(0, 6)));
    expect(b.out.data[7]).not.toBe(a.out.data[7]);
  });

  it("a zero normaliser gives a zero row, not NaN, in both forms", () => {
    const q = fromRows([
      [0, 0],
      [1, 0],
    ]);
    const k = fromRows([
      [0, 1],
      [1, 0],
    ]);
    const v = fromRows([
      [2, 3],
      [4, 5],
    ]);
    const attention = linearAttention({ q, k, v, featureMap: "identity", normalise: true });
    const memory = fastWeightMemory({ q, k, v, featureMap: "identity", normalise: true, rule: "sum" });
    expect(row(attention.out, 0)).toEqual([0, 0]);
    expect(row(memory.reads, 0)).toEqual([0, 0]);
    expect(row(attention.out, 1)).toEqual([4, 5]);
    expect(row(memory.reads, 1)).toEqual([4, 5]);
  });

  it("rejects bad shapes, an unknown feature map or rule, and β outside [0, 1]", () => {
    const q = randomMatrix(3, 2, 7);
    const v = randomMatrix(3, 2, 8);
    const base = { q, k: q, v, featureMap: "identity" as const, normalise: false };
    expect(() => linearAttention({ ...base, k: randomMatrix(2, 2, 9) })).toThrow(/K \[n, d_k\]/);
    expect(() => linearAttention({ ...base, v: randomMatrix(3, 0, 9) })).toThrow(RangeError);
    expect(() => linearAttention({ ...base, q: matrix(0, 2), k: matrix(0, 2), v: matrix(0, 2) })).toThrow(
      /n ≥ 1/,
    );
    expect(() => linearAttention({ ...base, featureMap: "relu" as never })).toThrow(/feature map/);
    expect(() => fastWeightMemory({ ...base, rule: "hebb" as never })).toThrow(/rule/);
    for (const beta of [Number.NaN, -0.1, 1.5, Number.POSITIVE_INFINITY]) {
      expect(() => fastWeightMemory({ ...base, rule: "delta", beta })).toThrow(/β/);
    }
  });

  it("NaN inputs stay NaN in the affected rows instead of throwing", () => {
    const q = randomMatrix(3, 2, 10);
    const k = matrix(3, 2, randomMatrix(3, 2, 11).data);
    k.data[2] = Number.NaN;
    const v = randomMatrix(3, 2, 12);
    const attention = linearAttention({ q, k, v, featureMap: "elu1", normalise: true });
    expect(row(attention.out, 0).every(Number.isFinite)).toBe(true);
    expect(row(attention.out, 1).every(Number.isNaN)).toBe(true);
  });
});
