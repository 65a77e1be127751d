export type Point = [number, number];

/**
 * Where the plane draws a point the reader is moving, independent of the caller's data.
 *
 * The caller learns of a drag through onDrag and may redraw later with data computed from an
 * older position (the engine answers asynchronously). Drawing that data would make the point jump
 * back under the finger, so the plane keeps a local override per moved index:
 *
 *   begin ──► active: always draw the override, whatever update() brings
 *   end ────► settled: keep the override until the caller's point equals it (the move was
 *             applied) or is none of the positions this drag passed through, origin included
 *             (the caller chose another position, e.g. clamped or reset); then drop it and
 *             draw the caller's data again. A late answer for an intermediate position of the
 *             drag is recognised as stale and does not make the point jump back.
 *
 * A caller that ignores onDrag entirely keeps the point where the reader left it. The one case
 * this cannot tell apart is a caller resetting the point to exactly a position the drag passed
 * through; clear() handles that (the plane calls it when the token count changes).
 */
export interface PointOverrides {
  begin(index: number, origin: Point): void;
  move(index: number, position: Point): void;
  end(index: number): void;
  /** True while a drag (pointer or key press) on `index` is in progress. */
  isActive(index: number): boolean;
  /** The position to draw for `index`, given the caller's current position for it. */
  resolve(index: number, caller: Point): Point;
  clear(): void;
}

const EPSILON = 1e-9;
const same = (a: Point, b: Point) => Math.abs(a[0] - b[0]) <= EPSILON && Math.abs(a[1] - b[1]) <= EPSILON;

interface Override {
  /** Positions the caller may still answer for: the origin and every move of this drag. */
  trail: Point[];
  position: Point;
  active: boolean;
}

/** Enough for ~30 s of 60 Hz moves; older positions are forgotten first. */
const MAX_TRAIL = 2000;

export function createPointOverrides(): PointOverrides {
  const overrides = new Map<number, Override>();
  return {
    begin(index, origin) {
      // A new drag on a point whose last drag is not yet applied keeps that trail: the caller
      // may still answer for any of those positions.
      const trail = overrides.get(index)?.trail ?? [];
      trail.push([origin[0], origin[1]]);
      overrides.set(index, { trail, position: [origin[0], origin[1]], active: true });
    },
    move(index, position) {
      const o = overrides.get(index);
      if (!o) return;
      o.position = [position[0], position[1]];
      o.trail.push(o.position);
      if (o.trail.length > MAX_TRAIL) o.trail.shift();
    },
    end(index) {
      const o = overrides.get(index);
      if (o) o.active = false;
    },
    isActive(index) {
      return overrides.get(index)?.active ?? false;
    },
    resolve(index, caller) {
      const o = overrides.get(index);
      if (!o) return caller;
      if (o.active) return o.position;
      if (same(caller, o.position) || !o.trail.some((p) => same(p, caller))) {
        overrides.delete(index);
        return caller;
      }
      return o.position;
    },
    clear() {
      overrides.clear();
    },
  };
}
