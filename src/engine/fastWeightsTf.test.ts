import { describe, expect, it } from "vitest";
import { sequenceCases } from "../../tests/golden/fastWeights";
import { maxScaledError } from "../../tests/golden/fixtures";
import {
  type FeatureMap,
  type LinearAttentionParams,
  type LinearAttentionResult,
  linearAttention,
} from "../core/fastWeights";
import { createRng } from "../core/rng";
import { createEngine } from "./engine";
import { randomMatrix } from "./fixtures";

// |tf − core| / max(1, |core|): absolute for outputs of order 1; relative for unnormalised sums,
// which grow with n (float32 keeps ~7 significant digits of a normaliser of 300, not 5 decimals).
const TOL = 1e-5;

function linearCase(
  seed: number,
  n: number,
  dK: number,
  dV: number,
  featureMap: FeatureMap,
  normalise: boolean,
) {
  const rng = createRng(seed);
  return {
    q: randomMatrix(rng, n, dK),
    k: randomMatrix(rng, n, dK),
    v: randomMatrix(rng, n, dV),
    featureMap,
    normalise,
  } satisfies LinearAttentionParams;
}

/** Each result matrix's largest |tf − core| / max(1, |core|), by name. */
function scaledDiffs(got: LinearAttentionResult, expected: LinearAttentionResult): Record<string, number> {
  return Object.fromEntries(
    (Object.keys(expected) as (keyof LinearAttentionResult)[]).map((name) => [
      name,
      maxScaledError(got[name], expected[name]),
    ]),
  );
}

const CASES: { label: string; p: LinearAttentionParams }[] = [
  ...sequenceCases
    .filter((c) => c.rule === "sum")
    .map((c) => ({
      label: `golden: ${c.name}`,
      p: { q: c.q, k: c.k, v: c.v, featureMap: c.featureMap, normalise: c.normalise },
    })),
  { label: "n=64 elu+1 normalised", p: linearCase(1, 64, 4, 4, "elu1", true) },
  { label: "n=64 elu+1", p: linearCase(2, 64, 4, 4, "elu1", false) },
  { label: "n=12 identity", p: linearCase(3, 12, 8, 3, "identity", false) },
];

describe("linear attention on the cpu backend (node)", () => {
  const engine = createEngine({ forced: "cpu" });

  for (const { label, p } of CASES) {
    it(`equals core within 1e-5: ${label}`, async () => {
      const diffs = scaledDiffs(await engine.linearAttention(p), linearAttention(p));
      expect(Object.keys(diffs)).toEqual(["phiQ", "phiK", "scores", "normalisers", "weights", "out"]);
      expect(Object.entries(diffs).filter(([, d]) => !(d <= TOL))).toEqual([]);
    });
  }

  it("masked scores are exactly 0 and a zero normaliser gives a zero row, as in core", async () => {
    const p = linearCase(4, 3, 2, 2, "identity", true);
    const q = { ...p.q, data: Float64Array.from(p.q.data) };
    q.data[0] = 0;
    q.data[1] = 0;
    const got = await engine.linearAttention({ ...p, q });
    expect(Array.from(got.out.data.subarray(0, 2))).toEqual([0, 0]);
    for (let t = 0; t < 3; t++)
      for (let i = t + 1; i < 3; i++) expect(got.scores.data[t * 3 + i] === 0).toBe(true);
  });

  it("rejects the same bad inputs as core, and leaves no tensors behind after 200 calls", async () => {
    const p = linearCase(5, 16, 4, 4, "elu1", true);
    await engine.linearAttention(p);
    const baseline = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.linearAttention(p);
    await expect(engine.linearAttention({ ...p, k: randomMatrix(createRng(1), 3, 4) })).rejects.toThrow(
      RangeError,
    );
    await expect(engine.linearAttention({ ...p, featureMap: "softmax" as never })).rejects.toThrow(
      RangeError,
    );
    expect(await engine.numTensors()).toBe(baseline);
  });
});
