import { type Matrix, matrix } from "./matrix";

/** Cross product of (a − o) and (b − o): > 0 when o → a → b turns counter-clockwise. */
function cross(ox: number, oy: number, ax: number, ay: number, bx: number, by: number): number {
  return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
}

/**
 * The convex hull of the rows of `points [n, ≥2]` (first two columns), by Andrew's monotone
 * chain: sort by x then y, build the lower and upper chains, dropping every point where the
 * chain does not turn counter-clockwise. O(n log n).
 *
 * Returns the hull's vertices `[h, 2]` in counter-clockwise order, without repeating the first
 * one and without collinear points. Degenerate inputs give degenerate hulls: one distinct point
 * gives `[1, 2]`, collinear points give the segment's two ends `[2, 2]`, no points `[0, 2]`.
 * Rows with a non-finite coordinate are skipped (a hull of NaN means nothing).
 */
export function convexHull(points: Matrix): Matrix {
  if (points.rows > 0 && points.cols < 2) throw new RangeError("convexHull: points need two columns");
  const pts: [number, number][] = [];
  for (let i = 0; i < points.rows; i++) {
    const x = points.data[i * points.cols];
    const y = points.data[i * points.cols + 1];
    if (Number.isFinite(x) && Number.isFinite(y)) pts.push([x, y]);
  }
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (unique.length <= 2) return matrix(unique.length, 2, unique.flat());

  const chain = (ordered: [number, number][]) => {
    const out: [number, number][] = [];
    for (const p of ordered) {
      while (out.length >= 2) {
        const [o, a] = [out[out.length - 2], out[out.length - 1]];
        if (cross(o[0], o[1], a[0], a[1], p[0], p[1]) > 0) break;
        out.pop();
      }
      out.push(p);
    }
    out.pop(); // the last point starts the other chain
    return out;
  };
  const hull = [...chain(unique), ...chain([...unique].reverse())];
  return matrix(hull.length, 2, hull.flat());
}

/** Distance from (px, py) to the segment from a to b. */
function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Whether (x, y) lies in the convex polygon `hull [h, 2]` (counter-clockwise vertices, as
 * `convexHull` returns them), counting points within `tolerance` of its boundary as inside:
 * results computed in float32 on a GPU land on an edge only approximately.
 *
 * A point is inside a counter-clockwise convex polygon when it is left of (or on) every edge.
 * Degenerate hulls work too: a point or a segment contains what lies within `tolerance` of it.
 * An empty hull or a non-finite point contains nothing.
 */
export function insideConvexPolygon(hull: Matrix, x: number, y: number, tolerance = 1e-9): boolean {
  const h = hull.rows;
  if (h === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  const d = hull.data;
  if (h <= 2) {
    const last = (h - 1) * 2;
    return distanceToSegment(x, y, d[0], d[1], d[last], d[last + 1]) <= tolerance;
  }
  let inside = true;
  for (let i = 0; i < h && inside; i++) {
    const j = (i + 1) % h;
    const [ax, ay, bx, by] = [d[i * 2], d[i * 2 + 1], d[j * 2], d[j * 2 + 1]];
    // Signed distance to the edge's line; negative means right of it, i.e. outside.
    const signed = cross(ax, ay, bx, by, x, y) / Math.hypot(bx - ax, by - ay);
    if (signed < -tolerance) inside = false;
  }
  return inside;
}
