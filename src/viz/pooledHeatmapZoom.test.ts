import { describe, expect, it } from "vitest";
import {
  clampView,
  entryAt,
  fullView,
  isFullView,
  MIN_ZOOM_ENTRIES,
  pixelOf,
  viewFromRect,
  zoomAround,
} from "./pooledHeatmapZoom";

describe("pooled heatmap zoom math", () => {
  it("zooming in around an entry keeps it at the same place on screen", () => {
    const full = fullView(4096);
    const closer = zoomAround(full, 4096, 1000, 3000, 0.5);
    expect(closer.rows).toBe(2048);
    expect(closer.cols).toBe(2048);
    // Entry 1000 sat at (1000.5 / 4096) of the way down; it still does, to within an entry.
    expect((1000.5 - closer.rowStart) / closer.rows).toBeCloseTo(1000.5 / 4096, 3);
    expect((3000.5 - closer.colStart) / closer.cols).toBeCloseTo(3000.5 / 4096, 3);
  });

  it("zooming out never leaves the matrix and stops at the whole of it", () => {
    const v = zoomAround({ rowStart: 4000, colStart: 0, rows: 64, cols: 64 }, 4096, 4050, 10, 4);
    expect(v).toEqual({ rowStart: 4096 - 256, colStart: 0, rows: 256, cols: 256 });
    expect(zoomAround(v, 4096, 4050, 10, 1000)).toEqual(fullView(4096));
    expect(isFullView(zoomAround(v, 4096, 4050, 10, 1000), 4096)).toBe(true);
  });

  it("does not zoom below a few entries a side", () => {
    let v = fullView(64);
    for (let i = 0; i < 20; i++) v = zoomAround(v, 64, 31, 31, 0.5);
    expect(v.rows).toBe(MIN_ZOOM_ENTRIES);
    expect(v.rowStart).toBeLessThanOrEqual(31);
    expect(v.rowStart + v.rows).toBeGreaterThan(31);
    // A matrix smaller than the minimum shows whole.
    expect(clampView({ rowStart: 1, colStart: 1, rows: 1, cols: 1 }, 3)).toEqual(fullView(3));
  });

  it("maps a point to the entry under it, the edges included", () => {
    const v = { rowStart: 100, colStart: 200, rows: 50, cols: 10 };
    expect(entryAt(v, 0, 0)).toEqual({ row: 100, col: 200 });
    expect(entryAt(v, 1, 1)).toEqual({ row: 149, col: 209 });
    expect(entryAt(v, 0.55, 0.5)).toEqual({ row: 125, col: 205 });
  });

  it("a brushed rectangle selects every entry it touches, in either drag direction", () => {
    const v = fullView(100);
    const a = viewFromRect(v, 100, [0.2, 0.1], [0.405, 0.3]);
    expect(a).toEqual({ rowStart: 10, colStart: 20, rows: 21, cols: 21 });
    expect(viewFromRect(v, 100, [0.405, 0.3], [0.2, 0.1])).toEqual(a);
    // A sliver grows to the minimum around its middle.
    const thin = viewFromRect(v, 100, [0.5, 0.5], [0.5, 0.9]);
    expect(thin.cols).toBe(MIN_ZOOM_ENTRIES);
    expect(thin.colStart).toBe(48);
  });

  it("finds the pixel covering an entry through uneven edges", () => {
    // n = 10, block 3: pixels cover 0–2, 3–5, 6–8, 9.
    const edges = [0, 3, 6, 9, 10];
    expect([0, 2, 3, 5, 6, 8, 9].map((i) => pixelOf(edges, i))).toEqual([0, 0, 1, 1, 2, 2, 3]);
    // A zoomed view's edges start at its first row.
    expect(pixelOf([100, 116, 132], 131)).toBe(1);
  });
});
