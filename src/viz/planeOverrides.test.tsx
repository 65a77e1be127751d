import { describe, expect, it } from "vitest";
import { createPointOverrides } from "./planeOverrides";

describe("point overrides", () => {
  it("keeps the dragged position while active, whatever the caller sends", () => {
    const o = createPointOverrides();
    o.begin(0, [0, 0]);
    o.move(0, [1, 1]);
    expect(o.resolve(0, [0, 0])).toEqual([1, 1]);
    expect(o.resolve(0, [5, 5])).toEqual([1, 1]);
    expect(o.resolve(1, [2, 2])).toEqual([2, 2]);
  });

  it("after the drag, ignores stale answers for positions the drag passed through", () => {
    const o = createPointOverrides();
    o.begin(0, [0, 0]);
    o.move(0, [0.5, 0]);
    o.move(0, [1, 0]);
    o.end(0);
    expect(o.resolve(0, [0, 0])).toEqual([1, 0]);
    expect(o.resolve(0, [0.5, 0])).toEqual([1, 0]);
    expect(o.resolve(0, [1, 0])).toEqual([1, 0]); // applied: the override is dropped
    expect(o.resolve(0, [0, 0])).toEqual([0, 0]); // so the caller rules again
  });

  it("after the drag, yields to a position the caller chose itself", () => {
    const o = createPointOverrides();
    o.begin(0, [0, 0]);
    o.move(0, [3, 0]);
    o.end(0);
    expect(o.resolve(0, [1.5, 0])).toEqual([1.5, 0]); // e.g. clamped
    expect(o.isActive(0)).toBe(false);
  });
});
