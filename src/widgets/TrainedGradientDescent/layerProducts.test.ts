import { describe, expect, it } from "vitest";
import { constructGdLayer } from "../../core/linearSelfAttention";
import { fromRows, matrix } from "../../core/matrix";
import { balancedProducts, layerProducts, sharedExtent } from "./layerProducts";

describe("layerProducts", () => {
  it("forms M = W_Q·W_Kᵀ and B = W_V·P", () => {
    const layer = {
      wq: fromRows([
        [1, 2],
        [0, 1],
      ]),
      wk: fromRows([
        [1, 0],
        [3, 1],
      ]),
      wv: fromRows([
        [0, 1],
        [1, 0],
      ]),
      projection: fromRows([
        [2, 0],
        [0, 5],
      ]),
    };
    const { scores, values } = layerProducts(layer);
    expect(Array.from(scores.data)).toEqual([1, 5, 0, 1]);
    expect(Array.from(values.data)).toEqual([0, 5, 2, 0]);
  });

  it("balancing removes the scale M and B share, sign included, and leaves an untrained layer alone", () => {
    const constructed = layerProducts(constructGdLayer(3, 1, 1.2, 5));
    const scaled = {
      scores: matrix(
        4,
        4,
        constructed.scores.data.map((x) => -2.5 * x),
      ),
      values: matrix(
        4,
        4,
        constructed.values.data.map((x) => x / -2.5),
      ),
    };
    const balanced = balancedProducts(scaled, 3);
    expect(balanced.scale).toBeCloseTo(-0.4, 12);
    for (const which of ["scores", "values"] as const) {
      balanced[which].data.forEach((x, k) => {
        expect(x).toBeCloseTo(constructed[which].data[k], 12);
      });
    }
    const untrained = { scores: matrix(4, 4), values: matrix(4, 4, new Array(16).fill(0.1)) };
    expect(balancedProducts(untrained, 3).scale).toBe(1);
  });

  it("a pair shares the larger |entry| of the two as its colour extent", () => {
    expect(sharedExtent(fromRows([[0.5, -2]]), fromRows([[1.5]]))).toBe(2);
    expect(sharedExtent(matrix(1, 1), matrix(1, 1))).toBe(1);
  });
});
