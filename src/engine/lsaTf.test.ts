import { describe, expect, it } from "vitest";
import { constructionCases, randomLayersCases } from "../../tests/golden/gradientDescent";
import { gradientSteps } from "../core/gradientDescent";
import { constructGdLayer, type LsaParams, lsaForward } from "../core/linearSelfAttention";
import { matrix } from "../core/matrix";
import { createRng } from "../core/rng";
import {
  lineQueries,
  MAX_ETA,
  MAX_EXAMPLES,
  MAX_LAYERS,
  sampleContext,
  X_LIMIT,
  Y_LIMIT,
} from "../state/regressionTasks";
import { createEngine } from "./engine";
import { diffsByName, maxAbsDiff } from "./fixtures";

const engine = createEngine({ forced: "cpu" });

const stackOf = (c: (typeof constructionCases)[number]): LsaParams => ({
  context: { xs: c.xs, ys: c.ys },
  queries: c.queries,
  layers: Array.from({ length: c.lsaPredictions.length }, () => c.layers[0]),
});

/** Every prediction, fast weight and token of the engine's result against core's. */
async function worstAgainstCore(p: LsaParams): Promise<number> {
  const actual = await engine.lsa(p);
  const expected = lsaForward(p);
  const perLayer = expected.predictions.map((m, l) =>
    Math.max(
      maxAbsDiff(actual.predictions[l], m),
      maxAbsDiff(actual.fastWeights[l], expected.fastWeights[l]),
    ),
  );
  return Math.max(...perLayer, ...Object.values(diffsByName(actual, expected)));
}

describe("lsa on the cpu backend (node)", () => {
  it.each(constructionCases.map((c) => [c.name, c] as const))(
    "%s: matches core within 1e-5",
    async (_, c) => {
      expect(await worstAgainstCore(stackOf(c))).toBeLessThanOrEqual(1e-5);
    },
  );

  it.each(randomLayersCases.map((c) => [c.name, c] as const))(
    "%s: matches core within 1e-5",
    async (_, c) => {
      const p = { context: { xs: c.xs, ys: c.ys }, queries: c.queries, layers: c.layers };
      expect(await worstAgainstCore(p)).toBeLessThanOrEqual(1e-5);
    },
  );

  it("works with no queries at all (the context tokens still update)", async () => {
    const p = { ...stackOf(constructionCases[0]), queries: matrix(0, 1) };
    const result = await engine.lsa(p);
    expect(result.predictions[0].rows).toBe(0);
    expect(maxAbsDiff(result.tokens, lsaForward(p).tokens)).toBeLessThanOrEqual(1e-5);
  });

  it("rejects what core rejects, with the same words", async () => {
    const p = { ...stackOf(constructionCases[0]), layers: [] };
    await expect(engine.lsa(p)).rejects.toThrow(/at least one layer/);
    const nan = { ...stackOf(constructionCases[0]), queries: matrix(1, 1, [Number.NaN]) };
    await expect(engine.lsa(nan)).rejects.toThrow(/finite/);
  });

  it("stays within 1e-6 of core's gradient descent anywhere in the 1-D figure's domain", async () => {
    // The figure's limits (state/regressionTasks.ts): |x| ≤ 1, |y| ≤ 2, η ≤ 1, N ≤ 20, K ≤ 8. The
    // search leans on the corners: examples at the edges, the largest η, the most layers.
    const rng = createRng(2024);
    const pick = <T>(options: readonly T[]) => options[Math.floor(rng.next() * options.length)];
    const queries = lineQueries();
    let worst = 0;
    for (let trial = 0; trial < 120; trial++) {
      const n = pick([1, 2, 3, 6, 13, MAX_EXAMPLES]);
      const xs = matrix(
        n,
        1,
        Array.from({ length: n }, () => X_LIMIT * pick([1, -1, 2 * rng.next() - 1, 0.05])),
      );
      const ys = matrix(
        n,
        1,
        Array.from({ length: n }, () => Y_LIMIT * pick([1, -1, 2 * rng.next() - 1])),
      );
      const eta = pick([MAX_ETA, MAX_ETA, 0.9, 0.45, 0.05]);
      const layer = constructGdLayer(1, 1, eta, n);
      const lsa = await engine.lsa({
        context: { xs, ys },
        queries,
        layers: Array.from({ length: MAX_LAYERS }, () => layer),
      });
      const gd = gradientSteps({ xs, ys }, queries, eta, MAX_LAYERS);
      gd.predictions.forEach((expected, k) => {
        worst = Math.max(worst, maxAbsDiff(lsa.predictions[k], expected));
      });
    }
    expect(worst).toBeGreaterThan(0); // float32 really is in the loop
    expect(worst).toBeLessThan(1e-6);
  });

  it("leaves numTensors at its baseline after 200 calls", async () => {
    const context = sampleContext(3, 1, 12);
    const layer = constructGdLayer(1, 1, 0.5, 12);
    const p = { context, queries: lineQueries(), layers: [layer, layer, layer] };
    await engine.lsa(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.lsa(p);
    expect(await engine.numTensors()).toBe(baseline);
  });
});
