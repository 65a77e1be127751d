import { describe, expect, it } from "vitest";
import { convexHull, insideConvexPolygon } from "./hull";
import { fromRows, matrix, toRows } from "./matrix";
import { createRng } from "./rng";

describe("convexHull (Andrew's monotone chain)", () => {
  it("returns the corners of a square counter-clockwise, dropping interior and edge points", () => {
    const points = fromRows([
      [0, 0],
      [1, 1],
      [0.5, 0.5],
      [1, 0],
      [0, 1],
      [0.5, 0], // on an edge: collinear, not a vertex
    ]);
    expect(toRows(convexHull(points))).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
  });

  it("handles degenerate inputs: none, one, duplicates, collinear, NaN rows", () => {
    expect(convexHull(matrix(0, 2)).rows).toBe(0);
    expect(toRows(convexHull(fromRows([[2, 3]])))).toEqual([[2, 3]]);
    expect(
      toRows(
        convexHull(
          fromRows([
            [2, 3],
            [2, 3],
          ]),
        ),
      ),
    ).toEqual([[2, 3]]);
    expect(
      toRows(
        convexHull(
          fromRows([
            [0, 0],
            [2, 2],
            [1, 1],
            [3, 3],
          ]),
        ),
      ),
    ).toEqual([
      [0, 0],
      [3, 3],
    ]);
    expect(
      toRows(
        convexHull(
          fromRows([
            [Number.NaN, 0],
            [0, 0],
            [1, 0],
            [0, 1],
          ]),
        ),
      ),
    ).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it("contains every input point, and every vertex turns left", () => {
    const rng = createRng(5);
    const points = matrix(
      200,
      2,
      Array.from({ length: 400 }, () => rng.normal()),
    );
    const hull = convexHull(points);
    for (let i = 0; i < points.rows; i++) {
      expect(insideConvexPolygon(hull, points.data[2 * i], points.data[2 * i + 1], 1e-12)).toBe(true);
    }
    const h = hull.rows;
    for (let i = 0; i < h; i++) {
      const [a, b, c] = [i, (i + 1) % h, (i + 2) % h].map((k) => [hull.data[2 * k], hull.data[2 * k + 1]]);
      expect((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])).toBeGreaterThan(0);
    }
  });

  it("rejects points with fewer than two coordinates", () => {
    expect(() => convexHull(matrix(3, 1))).toThrow(RangeError);
  });
});

describe("insideConvexPolygon", () => {
  const triangle = convexHull(
    fromRows([
      [0, 0],
      [2, 0],
      [0, 2],
    ]),
  );

  it("is true inside and on the boundary, false outside", () => {
    expect(insideConvexPolygon(triangle, 0.5, 0.5)).toBe(true);
    expect(insideConvexPolygon(triangle, 1, 1)).toBe(true); // on the hypotenuse
    expect(insideConvexPolygon(triangle, 0, 0)).toBe(true); // a vertex
    expect(insideConvexPolygon(triangle, 1.01, 1.01)).toBe(false);
    expect(insideConvexPolygon(triangle, -0.01, 1)).toBe(false);
  });

  it("counts points within the tolerance of an edge as inside", () => {
    expect(insideConvexPolygon(triangle, -1e-4, 1, 1e-3)).toBe(true);
    expect(insideConvexPolygon(triangle, -1e-2, 1, 1e-3)).toBe(false);
  });

  it("treats a point or segment hull as containing only what lies on it", () => {
    const segment = convexHull(
      fromRows([
        [0, 0],
        [2, 2],
      ]),
    );
    expect(insideConvexPolygon(segment, 1, 1)).toBe(true);
    expect(insideConvexPolygon(segment, 1, 1.1)).toBe(false);
    expect(insideConvexPolygon(segment, 3, 3)).toBe(false);
    const point = convexHull(fromRows([[1, 1]]));
    expect(insideConvexPolygon(point, 1, 1)).toBe(true);
    expect(insideConvexPolygon(point, 1, 1.1)).toBe(false);
  });

  it("contains nothing when empty, and no NaN point", () => {
    expect(insideConvexPolygon(matrix(0, 2), 0, 0)).toBe(false);
    expect(insideConvexPolygon(triangle, Number.NaN, 0)).toBe(false);
  });
});
