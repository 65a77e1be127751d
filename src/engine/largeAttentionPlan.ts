import { type MatrixView, poolAxis } from "../core/pooledAttention";

/** The most one large-n update reads back from the backend: 1 MiB (the budget). */
export const READBACK_BUDGET_BYTES = 1 << 20;
/** `out [n, d_v]` is read back only up to this many numbers (256 KiB): n = 1024 at d_v = 64. */
export const OUT_MAX_FLOATS = 65_536;
const BYTES_PER_FLOAT = 4;

/** What one large-n update reads back, decided before anything is computed. */
export interface ReadbackPlan {
  /** The view as pooled: `maxPixels` lowered, if need be, so both images fit the budget. */
  view: MatrixView;
  includeOut: boolean;
  /** Numbers read back: two images, the score range (2), the row (n) and `out` (n·d_v) if included. */
  floats: number;
}

const pixelsFor = (count: number, maxPixels: number) => Math.ceil(count / Math.ceil(count / maxPixels));

/**
 * Plans the readback of one update at `n` tokens, `d_v` value dimensions. The score and weight
 * images share what the row, the range and `out` leave of the 1 MiB budget equally; when the
 * view's `maxPixels` would give bigger images (two 512 × 512 float images alone are 2 MiB), the
 * largest `maxPixels` that fits is used instead, so the images come back coarser but the pooling
 * convention (`poolMatrix` with the returned view) still describes them exactly.
 * The view must already be valid (`checkView`).
 */
export function readbackPlan(n: number, dV: number, view: MatrixView, row: number | null): ReadbackPlan {
  const includeOut = n * dV <= OUT_MAX_FLOATS;
  const fixed = 2 + (row === null ? 0 : n) + (includeOut ? n * dV : 0);
  const perImage = Math.floor((READBACK_BUDGET_BYTES / BYTES_PER_FLOAT - fixed) / 2);
  const imageSize = (maxPixels: number) => pixelsFor(view.rows, maxPixels) * pixelsFor(view.cols, maxPixels);
  let maxPixels = view.maxPixels;
  if (imageSize(maxPixels) > perImage) {
    // imageSize grows with maxPixels: bisect for the largest that fits (1 always does).
    let low = 1;
    let high = maxPixels;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (imageSize(mid) <= perImage) low = mid;
      else high = mid;
    }
    maxPixels = low;
  }
  const pooled = { ...view, maxPixels };
  const pixels =
    poolAxis(view.rowStart, view.rows, maxPixels).pixels *
    poolAxis(view.colStart, view.cols, maxPixels).pixels;
  return { view: pooled, includeOut, floats: 2 * pixels + fixed };
}
