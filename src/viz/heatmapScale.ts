/**
 * The score colour range follows the data with hysteresis: it grows at once (with headroom) when a
 * score falls outside it, and shrinks only once every score fits in half of it. A range that
 * tracked the maximum exactly would recolour every cell on every drag step.
 */
export function stickyExtent(extent: number, maxAbs: number): number {
  if (maxAbs > extent || maxAbs < extent / 2) return maxAbs * 1.25;
  return extent;
}

/** The largest finite |score|, so ±extent spans the matrix. */
export function maxAbsFinite(values: Float64Array): number {
  let m = 0;
  for (const x of values) if (Number.isFinite(x) && Math.abs(x) > m) m = Math.abs(x);
  return m;
}
