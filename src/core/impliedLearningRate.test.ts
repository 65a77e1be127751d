import { describe, expect, it } from "vitest";
import { GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { impliedCases } from "../../tests/golden/training";
import { impliedLearningRate, rawSumLayer } from "./impliedLearningRate";
import { constructGdLayer, type LsaLayer, lsaForward } from "./linearSelfAttention";
import { identity, type Matrix, matrix } from "./matrix";
import { createRng } from "./rng";

const randomMatrix = (rng: ReturnType<typeof createRng>, rows: number, cols: number, scale = 1) =>
  matrix(
    rows,
    cols,
    Array.from({ length: rows * cols }, () => scale * rng.normal()),
  );

const randomLayer = (seed: number, d: number): LsaLayer => {
  const rng = createRng(seed);
  const scale = 1 / Math.sqrt(d + 1);
  return {
    wk: randomMatrix(rng, d + 1, d + 1, scale),
    wq: randomMatrix(rng, d + 1, d + 1, scale),
    wv: randomMatrix(rng, d + 1, d + 1, scale),
    projection: randomMatrix(rng, d + 1, d + 1, scale),
  };
};

/** The training model's prediction for one query: Part II's lsaForward on the layer with P/N. */
function trainingPrediction(layer: LsaLayer, xs: Matrix, ys: Matrix, xq: Matrix): number {
  const result = lsaForward({ context: { xs, ys }, queries: xq, layers: [rawSumLayer(layer, xs.rows)] });
  return result.predictions[0].data[0];
}

describe("impliedLearningRate", () => {
  it.each([
    [1, 0.7, 5],
    [3, 1.2, 10],
    [10, 50 / 33, 10],
  ])("reads von Oswald et al.'s construction (d = %i, η = %f, P·N) as A = η·I", (d, eta, n) => {
    const built = constructGdLayer(d, 1, eta, n);
    const training = {
      ...built,
      projection: matrix(
        d + 1,
        d + 1,
        built.projection.data.map((v) => v * n),
      ),
    };
    const step = impliedLearningRate(training, d);
    const expected = identity(d);
    for (let e = 0; e < expected.data.length; e++) expected.data[e] *= eta;
    expect(maxScaledError(step.preconditioner, expected)).toBeLessThanOrEqual(1e-15);
    expect(step.eta).toBeCloseTo(eta, 14);
    // Zero up to the rounding of (η/N)·N.
    expect(step.offIdentity).toBeLessThan(1e-14);
  });

  it.each([1, 2, 4])(
    "gives the part of lsaForward's prediction odd in y: (ŷ(y) − ŷ(−y))/2 = x_q·A·s (d = %i)",
    (d) => {
      const rng = createRng(300 + d);
      const layer = randomLayer(400 + d, d);
      const { preconditioner } = impliedLearningRate(layer, d);
      for (const n of [1, 3, 7]) {
        const xs = randomMatrix(rng, n, d);
        const ys = randomMatrix(rng, n, 1);
        const xq = randomMatrix(rng, 1, d);
        const flipped = matrix(
          n,
          1,
          ys.data.map((y) => -y),
        );
        const odd = (trainingPrediction(layer, xs, ys, xq) - trainingPrediction(layer, xs, flipped, xq)) / 2;
        // s = (1/N)·Σ y_i x_iᵀ, then x_q·A·s.
        const s = Array.from({ length: d }, (_, c) => {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += ys.data[i] * xs.data[i * d + c];
          return sum / n;
        });
        let expected = 0;
        for (let r = 0; r < d; r++) {
          for (let c = 0; c < d; c++) expected += xq.data[r] * preconditioner.data[r * d + c] * s[c];
        }
        expect(Math.abs(odd)).toBeGreaterThan(1e-6);
        expect(Math.abs(odd - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
      }
    },
  );

  it.each(impliedCases.map((c) => [c.name, c] as const))(
    "matches numpy's probed preconditioner: %s",
    (_, c) => {
      const step = impliedLearningRate(c.layer, c.inputDim);
      expect(maxScaledError(step.preconditioner, c.preconditioner)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(Math.abs(step.eta - c.eta)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(Math.abs(step.offIdentity - c.offIdentity)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    },
  );

  it("measures the distance from a plain step: a random layer is far, a perturbed construction near", () => {
    const far = impliedCases.find((c) => c.name === "random layer d=10");
    const near = impliedCases.find((c) => c.name.includes("plus noise"));
    if (!far || !near) throw new Error("golden cases missing");
    expect(impliedLearningRate(far.layer, 10).offIdentity).toBeGreaterThan(0.9);
    const nearStep = impliedLearningRate(near.layer, 3);
    expect(nearStep.offIdentity).toBeLessThan(0.1);
    expect(nearStep.eta).toBeGreaterThan(0.8);
  });

  it("gives offIdentity 0 for a layer that does nothing", () => {
    const zero = matrix(3, 3);
    const step = impliedLearningRate({ wk: zero, wq: zero, wv: zero, projection: zero }, 2);
    expect(step.eta).toBe(0);
    expect(step.offIdentity).toBe(0);
  });

  it("rejects layers of the wrong size", () => {
    const layer = randomLayer(1, 3);
    expect(() => impliedLearningRate(layer, 2)).toThrow(
      /W_K \[d \+ 1, d \+ 1\]: expected \[3, 3\], got \[4, 4\]/,
    );
    expect(() => impliedLearningRate(layer, 0)).toThrow(RangeError);
  });
});

describe("rawSumLayer", () => {
  it("divides P by N and leaves the input layer unchanged", () => {
    const layer = randomLayer(2, 2);
    const before = Array.from(layer.projection.data);
    const raw = rawSumLayer(layer, 4);
    expect(Array.from(raw.projection.data)).toEqual(before.map((v) => v / 4));
    expect(Array.from(layer.projection.data)).toEqual(before);
    expect(raw.wq.data).toEqual(layer.wq.data);
    expect(() => rawSumLayer(layer, 0)).toThrow(/N must be a whole number/);
  });
});
