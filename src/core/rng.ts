/** A seeded source of random numbers; the same seed always gives the same sequence. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

/**
 * A deterministic RNG: mulberry32 for uniforms, Box–Muller for normals.
 * `seed` is reduced to a 32-bit integer, so seeds that agree modulo 2³² (and fractional parts)
 * give the same stream. Each call makes an independent generator; no state is shared.
 */
export function createRng(seed: number): Rng {
  let state = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  // The second Box–Muller sample, kept for the next call so no draw is wasted.
  let spareNormal: number | null = null;

  const next = (): number => {
    // mulberry32 (Tommy Ettinger): a 32-bit state stepped by a Weyl constant, then mixed.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const normal = (): number => {
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return z;
    }
    // 1 − u lies in (0, 1], so the log is finite.
    const u1 = 1 - next();
    const u2 = next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spareNormal = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };

  return { next, normal };
}
