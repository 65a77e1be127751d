import { describe, expect, it } from "vitest";
import { matmul, matmulTransposeB, transpose } from "./matmul";
import { fromRows, identity, matrix, toRows } from "./matrix";

describe("matmul", () => {
  const a = fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const b = fromRows([
    [7, 8],
    [9, 10],
    [11, 12],
  ]);

  it("multiplies [m,k]·[k,n] into [m,n]", () => {
    // Worked by hand: row 0 = [1·7+2·9+3·11, 1·8+2·10+3·12].
    expect(toRows(matmul(a, b))).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it("leaves a matrix unchanged under the identity, from either side", () => {
    expect(toRows(matmul(a, identity(3)))).toEqual(toRows(a));
    expect(toRows(matmul(identity(2), a))).toEqual(toRows(a));
  });

  it("throws a RangeError when inner dimensions differ", () => {
    expect(() => matmul(a, a)).toThrow(RangeError);
  });

  it("handles empty shapes", () => {
    const c = matmul(matrix(0, 3), b);
    expect([c.rows, c.cols]).toEqual([0, 2]);
  });

  it("does not mutate its inputs", () => {
    const before = toRows(a);
    matmul(a, b);
    expect(toRows(a)).toEqual(before);
  });
});

describe("transpose", () => {
  it("swaps rows and columns", () => {
    const t = transpose(fromRows([[1, 2, 3]]));
    expect([t.rows, t.cols]).toEqual([3, 1]);
    expect(toRows(t)).toEqual([[1], [2], [3]]);
  });
});

describe("matmulTransposeB", () => {
  it("equals matmul(a, transpose(b)) and gives row-by-row dot products", () => {
    const q = fromRows([
      [1, 0],
      [0.5, -2],
      [3, 1],
    ]);
    const k = fromRows([
      [2, 1],
      [-1, 4],
    ]);
    expect(toRows(matmulTransposeB(q, k))).toEqual(toRows(matmul(q, transpose(k))));
    expect(toRows(matmulTransposeB(q, k))[1]).toEqual([0.5 * 2 - 2 * 1, -0.5 - 8]);
  });

  it("throws a RangeError when row lengths differ", () => {
    expect(() => matmulTransposeB(matrix(2, 3), matrix(2, 2))).toThrow(RangeError);
  });
});
