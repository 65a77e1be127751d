import { describe, expect, it } from "vitest";
import { GOLDEN_TOLERANCE, maxScaledError, mlpCases } from "../../tests/golden/fixtures";
import { fromRows, matrix, toRows } from "./matrix";
import { activate, mlp } from "./mlp";

describe("mlp against numpy golden fixtures", () => {
  it("covers relu, tanh and gelu", () => {
    expect(new Set(mlpCases.map((c) => c.activation))).toEqual(new Set(["relu", "tanh", "gelu"]));
  });

  for (const golden of mlpCases) {
    it(`matches every intermediate: ${golden.name}`, () => {
      const result = mlp({ x: golden.x, a: golden.a, b: golden.b, activation: golden.activation });
      for (const key of ["preActivations", "hidden", "out"] as const) {
        expect(maxScaledError(result[key], golden[key]), key).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      }
    });
  }
});

describe("activate", () => {
  it("relu clips negatives to 0", () => {
    expect([-2, 0, 3].map((z) => activate("relu", z))).toEqual([0, 0, 3]);
  });

  it("gelu is the tanh approximation: 0 at 0, ≈ z for large z, ≈ 0 for very negative z", () => {
    expect(activate("gelu", 0)).toBe(0);
    expect(activate("gelu", 1)).toBeCloseTo(0.8411919906, 9);
    expect(activate("gelu", 10)).toBeCloseTo(10, 12);
    expect(Math.abs(activate("gelu", -10))).toBeLessThan(1e-12);
  });

  it("throws on an unknown activation", () => {
    expect(() => activate("sigmoid" as "relu", 1)).toThrow(RangeError);
  });
});

describe("mlp", () => {
  const a = fromRows([
    [1, -1],
    [0.5, 2],
    [-1, 0],
  ]);
  const b = fromRows([[1, 1, 1]]);

  it("treats tokens independently: a token's output ignores the other rows", () => {
    const both = mlp({
      x: fromRows([
        [0.2, 0.4],
        [-3, 1],
      ]),
      a,
      b,
      activation: "tanh",
    }).out;
    const alone = mlp({ x: fromRows([[0.2, 0.4]]), a, b, activation: "tanh" }).out;
    expect(toRows(both)[0]).toEqual(toRows(alone)[0]);
  });

  it("returns the documented shapes", () => {
    const r = mlp({ x: matrix(4, 2), a, b, activation: "gelu" });
    expect([r.preActivations, r.hidden, r.out].map((m) => [m.rows, m.cols])).toEqual([
      [4, 3],
      [4, 3],
      [4, 1],
    ]);
  });

  it("throws a RangeError on shape mismatch", () => {
    expect(() => mlp({ x: matrix(1, 3), a, b, activation: "relu" })).toThrow(RangeError);
    expect(() => mlp({ x: matrix(1, 2), a, b: matrix(1, 2), activation: "relu" })).toThrow(RangeError);
  });
});
