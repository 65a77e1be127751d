import { describe, expect, it } from "vitest";
import { fromRows, row, toRows } from "./matrix";
import { softmaxAll, softmaxColumns, softmaxRows } from "./softmax";

const NEG = Number.NEGATIVE_INFINITY;

function rowSums(m: ReturnType<typeof fromRows>): number[] {
  return toRows(m).map((r) => r.reduce((s, v) => s + v, 0));
}

describe("softmaxRows", () => {
  it("matches exp/Σexp on a small row", () => {
    const w = softmaxRows(fromRows([[0, Math.log(3)]]));
    expect(row(w, 0)[0]).toBeCloseTo(0.25, 15);
    expect(row(w, 0)[1]).toBeCloseTo(0.75, 15);
  });

  it("makes every row sum to 1 within 1e-12", () => {
    const w = softmaxRows(
      fromRows([
        [1, 2, 3, 4],
        [-5, 0, 5, 10],
        [0.1, 0.1, 0.1, 0.1],
      ]),
    );
    for (const s of rowSums(w)) expect(Math.abs(s - 1)).toBeLessThan(1e-12);
  });

  it("is unchanged when a constant is added to a row", () => {
    const base = [0.3, -1.2, 2.5, 0];
    const shifted = [base, base.map((v) => v + 1000), base.map((v) => v - 1e6)];
    const w = toRows(softmaxRows(fromRows(shifted)));
    for (let j = 0; j < base.length; j++) {
      expect(Math.abs(w[1][j] - w[0][j])).toBeLessThan(1e-12);
      expect(Math.abs(w[2][j] - w[0][j])).toBeLessThan(1e-9);
    }
  });

  it("gives no NaN for huge logits, where a naive exp overflows", () => {
    expect(Math.exp(1e3)).toBe(Number.POSITIVE_INFINITY);
    const w = toRows(softmaxRows(fromRows([[1e3, 1e3 - Math.log(3), -1e3]])));
    expect(w[0].every(Number.isFinite)).toBe(true);
    expect(w[0][0]).toBeCloseTo(0.75, 12);
    expect(w[0][1]).toBeCloseTo(0.25, 12);
  });

  it("gives masked (−Infinity) entries exactly 0 weight", () => {
    const w = toRows(softmaxRows(fromRows([[2, NEG, 2]])));
    expect(w[0]).toEqual([0.5, 0, 0.5]);
  });

  it("turns an all-masked row into zeros, not NaN", () => {
    expect(toRows(softmaxRows(fromRows([[NEG, NEG]])))).toEqual([[0, 0]]);
  });

  it("shares the weight among +Infinity logits instead of producing NaN", () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(toRows(softmaxRows(fromRows([[inf, 1, inf, NEG]])))).toEqual([[0.5, 0, 0.5, 0]]);
  });

  it("propagates NaN logits rather than hiding them", () => {
    expect(toRows(softmaxRows(fromRows([[1, Number.NaN]])))[0].every(Number.isNaN)).toBe(true);
  });
});

describe("softmaxColumns", () => {
  it("normalises each column and equals the row softmax of the transpose", () => {
    const z = [
      [1, NEG],
      [2, 5],
      [3, 1e3],
    ];
    const w = toRows(softmaxColumns(fromRows(z)));
    const zt = [z.map((r) => r[0]), z.map((r) => r[1])];
    const wt = toRows(softmaxRows(fromRows(zt)));
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) expect(w[i][j]).toBe(wt[j][i]);
    expect(w[0][1]).toBe(0);
  });
});

describe("softmaxAll", () => {
  it("normalises the whole matrix to sum 1", () => {
    const w = toRows(
      softmaxAll(
        fromRows([
          [0, 0],
          [0, NEG],
        ]),
      ),
    );
    expect(w).toEqual([
      [1 / 3, 1 / 3],
      [1 / 3, 0],
    ]);
  });

  it("gives zeros for an all-masked matrix and survives huge logits", () => {
    expect(toRows(softmaxAll(fromRows([[NEG], [NEG]])))).toEqual([[0], [0]]);
    const w = toRows(softmaxAll(fromRows([[2e3], [2e3]])));
    expect(w).toEqual([[0.5], [0.5]]);
  });
});
