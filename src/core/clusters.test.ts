import { describe, expect, it } from "vitest";
import { attention } from "./attention";
import { clusterHead, clusterTokens, defaultCentres, liftTokens, tokenPositions } from "./clusters";
import { at } from "./matrix";

const centres3: [number, number][] = [
  [-0.6, 0],
  [0.3, 0.5],
  [0.3, -0.5],
];

describe("clusterTokens", () => {
  it("gives the same tokens for the same seed and others for another", () => {
    const a = clusterTokens(7, 100, 8, 3);
    const b = clusterTokens(7, 100, 8, 3);
    const c = clusterTokens(8, 100, 8, 3);
    expect(Array.from(a.offsets.data)).toEqual(Array.from(b.offsets.data));
    expect(Array.from(a.noise.data)).toEqual(Array.from(b.noise.data));
    expect(Array.from(a.offsets.data)).not.toEqual(Array.from(c.offsets.data));
  });

  it("puts tokens in contiguous runs, one run per cluster, sizes within one", () => {
    const t = clusterTokens(1, 10, 4, 3);
    expect(Array.from(t.cluster)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const big = clusterTokens(1, 4096, 2, 5);
    const sizes = [0, 0, 0, 0, 0];
    for (const c of big.cluster) sizes[c] += 1;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("lifts with two orthogonal rows of length √d", () => {
    for (const d of [2, 8, 64]) {
      const { lift } = clusterTokens(3, 4, d, 2);
      let aa = 0;
      let bb = 0;
      let ab = 0;
      for (let c = 0; c < d; c++) {
        aa += lift.data[c] ** 2;
        bb += lift.data[d + c] ** 2;
        ab += lift.data[c] * lift.data[d + c];
      }
      expect(aa).toBeCloseTo(d, 9);
      expect(bb).toBeCloseTo(d, 9);
      expect(ab).toBeCloseTo(0, 9);
    }
  });

  it("places tokens around their centre and moves a whole cluster with it", () => {
    const t = clusterTokens(5, 300, 16, 3);
    const p = tokenPositions(t, centres3);
    const mean = [0, 0, 0].map((_, c) => {
      let sx = 0;
      let count = 0;
      for (let i = 0; i < t.n; i++) {
        if (t.cluster[i] !== c) continue;
        sx += p.data[2 * i];
        count += 1;
      }
      return sx / count;
    });
    mean.forEach((m, c) => {
      expect(Math.abs(m - centres3[c][0])).toBeLessThan(0.05);
    });
    const moved = tokenPositions(t, [
      [-0.6, 0],
      [0.8, 0.5],
      [0.3, -0.5],
    ]);
    for (let i = 0; i < t.n; i++) {
      const dx = moved.data[2 * i] - p.data[2 * i];
      expect(dx).toBeCloseTo(t.cluster[i] === 1 ? 0.5 : 0, 12);
    }
  });

  it("X = P·L + E, with the noise small next to the lifted positions", () => {
    const t = clusterTokens(2, 50, 8, 2);
    const p = tokenPositions(t, [
      [0.5, 0.5],
      [-0.5, -0.5],
    ]);
    const x = liftTokens(t, p);
    expect([x.rows, x.cols]).toEqual([50, 8]);
    const i = 17;
    const c = 3;
    const expected =
      p.data[2 * i] * at(t.lift, 0, c) + p.data[2 * i + 1] * at(t.lift, 1, c) + at(t.noise, i, c);
    expect(at(x, i, c)).toBeCloseTo(expected, 12);
  });

  it("rejects sizes it cannot draw", () => {
    expect(() => clusterTokens(1, 0, 8, 2)).toThrow(/n must be/);
    expect(() => clusterTokens(1, 8, 0, 2)).toThrow(/d must be/);
    expect(() => clusterTokens(1, 8, 8, 0)).toThrow(/k must be/);
    expect(() => tokenPositions(clusterTokens(1, 8, 2, 3), centres3.slice(0, 2))).toThrow(/3 centres/);
  });
});

describe("clusterHead", () => {
  it("makes weights that are neither uniform nor one-hot, on every d the widget offers", () => {
    for (const d of [2, 8, 16, 32, 64]) {
      const n = 256;
      const t = clusterTokens(4, n, d, 3);
      const x = liftTokens(t, tokenPositions(t, defaultCentres(4, 3)));
      const { weights } = attention({ x, ...clusterHead(4, d) });
      let meanMax = 0;
      for (let i = 0; i < n; i++) {
        let m = 0;
        for (let j = 0; j < n; j++) m = Math.max(m, weights.data[i * n + j]);
        meanMax += m / n;
      }
      // Uniform would be 1/n ≈ 0.004 everywhere; one-hot would be 1.
      expect(meanMax, `d = ${d}`).toBeGreaterThan(3 / n);
      expect(meanMax, `d = ${d}`).toBeLessThan(0.25);
    }
  });

  it("is seeded and does not depend on n", () => {
    const a = clusterHead(9, 8);
    expect(Array.from(a.wq.data)).toEqual(Array.from(clusterHead(9, 8).wq.data));
    expect(Array.from(a.wq.data)).not.toEqual(Array.from(clusterHead(10, 8).wq.data));
    expect(Array.from(a.wq.data)).not.toEqual(Array.from(a.wk.data));
  });
});

describe("defaultCentres", () => {
  it("spreads k centres evenly on a circle inside the plot", () => {
    const c = defaultCentres(3, 4);
    expect(c).toHaveLength(4);
    for (const [x, y] of c) expect(Math.hypot(x, y)).toBeCloseTo(0.6, 12);
    const gap = Math.hypot(c[0][0] - c[1][0], c[0][1] - c[1][1]);
    expect(gap).toBeCloseTo(0.6 * Math.SQRT2, 9);
  });
});
