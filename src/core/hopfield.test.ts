import { describe, expect, it } from "vitest";
import { GOLDEN_TOLERANCE, maxScaledError } from "../../tests/golden/fixtures";
import { equivalenceCases, retrieveCases } from "../../tests/golden/hopfieldFixtures";
import { attention } from "./attention";
import { glyphNames, glyphPatterns, glyphPixels } from "./glyphs";
import { hopfieldEnergy, hopfieldRetrieve } from "./hopfield";
import { choosePixels, randomSignPatterns } from "./hopfieldRecall";
import { identity, type Matrix, matrix, row } from "./matrix";
import { createRng } from "./rng";

const normalMatrix = (seed: number, rows: number, cols: number, scale = 1): Matrix => {
  const rng = createRng(seed);
  return matrix(
    rows,
    cols,
    Array.from({ length: rows * cols }, () => scale * rng.normal()),
  );
};

describe("hopfieldRetrieve against numpy", () => {
  it.each(retrieveCases.map((c) => [c.name, c] as const))("%s: states, weights and energies", (_, c) => {
    const result = hopfieldRetrieve({
      patterns: c.patterns,
      states: c.states0,
      beta: c.beta,
      steps: c.steps,
    });
    expect(result.states).toHaveLength(c.steps);
    expect(result.weights).toHaveLength(c.steps);
    for (let t = 0; t < c.steps; t++) {
      expect(maxScaledError(result.states[t], c.states[t]), `state ${t}`).toBeLessThanOrEqual(
        GOLDEN_TOLERANCE,
      );
      expect(maxScaledError(result.weights[t], c.weights[t]), `weights ${t}`).toBeLessThanOrEqual(
        GOLDEN_TOLERANCE,
      );
    }
    expect(maxScaledError(result.energies, c.energies)).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  });
});

describe("the Hopfield update is attention with identity maps and β = 1/√d", () => {
  it.each(equivalenceCases.map((c, k) => [k, c] as const))(
    "case %i: core attention, core update and numpy agree",
    (_, c) => {
      const d = c.patterns.cols;
      // Tokens [ξ; x_1; …; x_N]; ξ is hidden as a key so it attends only to the stored patterns.
      const tokens = matrix(c.patterns.rows + 1, d, [...c.xi.data, ...c.patterns.data]);
      const eye = identity(d);
      const attended = attention({
        x: tokens,
        wq: eye,
        wk: eye,
        wv: eye,
        maskedKeys: [true, ...Array(c.patterns.rows).fill(false)],
      });
      const update = hopfieldRetrieve({
        patterns: c.patterns,
        states: c.xi,
        beta: 1 / Math.sqrt(d),
        steps: 1,
      });
      expect(c.beta).toBeCloseTo(1 / Math.sqrt(d), 11);
      const attentionRow = matrix(1, d, row(attended.out, 0));
      expect(maxScaledError(attentionRow, matrix(1, d, c.attentionOut))).toBeLessThanOrEqual(
        GOLDEN_TOLERANCE,
      );
      expect(maxScaledError(update.states[0], matrix(1, d, c.update))).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
      expect(maxScaledError(update.states[0], attentionRow)).toBeLessThanOrEqual(1e-12);
      // The weights agree too: attention's row 0 (key 0 masked) is the update's softmax.
      expect(row(attended.weights, 0).slice(1)).toEqual(
        row(update.weights[0], 0).map((w) => expect.closeTo(w, 12)),
      );
    },
  );

  it("with any other β the two differ: the equivalence fixes the temperature", () => {
    const c = equivalenceCases[0];
    const d = c.patterns.cols;
    const off = hopfieldRetrieve({ patterns: c.patterns, states: c.xi, beta: 2 / Math.sqrt(d), steps: 1 });
    expect(maxScaledError(off.states[0], matrix(1, d, c.attentionOut))).toBeGreaterThan(1e-3);
  });
});

describe("energy", () => {
  it("never rises along a trajectory, and stays ≥ 0, over 300 random cases", () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rng.next() * 12);
      const d = 1 + Math.floor(rng.next() * 16);
      const beta = 10 ** (-2 + 4 * rng.next());
      const scale = 10 ** (-1 + 2 * rng.next());
      const patterns = normalMatrix(trial * 2 + 1, n, d, scale);
      const states = normalMatrix(trial * 2 + 2, 3, d, scale * 2);
      const { energies } = hopfieldRetrieve({ patterns, states, beta, steps: 6 });
      for (let m = 0; m < 3; m++) {
        const path = row(energies, m);
        for (let t = 1; t < path.length; t++) {
          const slack = 1e-9 * Math.max(1, Math.abs(path[t - 1]));
          expect(path[t], `trial ${trial}, state ${m}, step ${t}`).toBeLessThanOrEqual(path[t - 1] + slack);
        }
        expect(Math.min(...path)).toBeGreaterThanOrEqual(-1e-9);
      }
    }
  });

  it("hopfieldEnergy equals the trajectory's first column and the paper's formula at small β", () => {
    const patterns = normalMatrix(5, 4, 6);
    const states = normalMatrix(6, 2, 6);
    const beta = 1e-3;
    const { energies } = hopfieldRetrieve({ patterns, states, beta, steps: 1 });
    const direct = hopfieldEnergy(patterns, states, beta);
    expect(direct).toEqual([energies.data[0], energies.data[2]]);
    // The naive formula loses digits to cancellation at β = 1e-3 but still agrees to ~1e-9.
    const naive = (xi: number[]) => {
      const s = Array.from({ length: 4 }, (_, i) =>
        row(patterns, i).reduce((acc, x, j) => acc + x * xi[j], 0),
      );
      const lse = Math.log(s.reduce((acc, v) => acc + Math.exp(beta * v), 0)) / beta;
      const m2 = Math.max(
        ...Array.from({ length: 4 }, (_, i) => row(patterns, i).reduce((a, x) => a + x * x, 0)),
      );
      return -lse + 0.5 * xi.reduce((a, x) => a + x * x, 0) + Math.log(4) / beta + 0.5 * m2;
    };
    expect(direct[0]).toBeCloseTo(naive(row(states, 0)), 8);
    expect(direct[1]).toBeCloseTo(naive(row(states, 1)), 8);
  });
});

describe("the two limits of β", () => {
  it("large β retrieves the stored pattern most similar to the query in one step", () => {
    const rng = createRng(9);
    const patterns = randomSignPatterns(rng, 10, 32);
    for (let k = 0; k < 10; k++) {
      const query = row(patterns, k);
      for (const j of choosePixels(rng, 32, 5)) query[j] *= -1;
      const { states, weights } = hopfieldRetrieve({
        patterns,
        states: matrix(1, 32, query),
        beta: 1000,
        steps: 1,
      });
      expect(row(states[0], 0)).toEqual(row(patterns, k));
      expect(weights[0].data[k]).toBe(1);
    }
  });

  it("β → 0 sends any state to the mean of the patterns in one step", () => {
    const patterns = normalMatrix(11, 6, 5);
    const mean = new Array<number>(5).fill(0);
    for (let j = 0; j < 5; j++) for (let i = 0; i < 6; i++) mean[j] += patterns.data[i * 5 + j] / 6;
    const { states, weights } = hopfieldRetrieve({
      patterns,
      states: normalMatrix(12, 2, 5),
      beta: 1e-9,
      steps: 1,
    });
    for (let m = 0; m < 2; m++) {
      row(states[0], m).forEach((v, j) => {
        expect(v).toBeCloseTo(mean[j], 7);
      });
      row(weights[0], m).forEach((w) => {
        expect(w).toBeCloseTo(1 / 6, 8);
      });
    }
  });

  it("a corrupted glyph: β = 20 restores it exactly, β = 0.01 leaves a blend of every glyph", () => {
    const names = ["A", "C", "H", "L", "T", "X"] as const;
    const patterns = glyphPatterns(names);
    const query = glyphPixels("H");
    for (const j of choosePixels(createRng(1), 49, 8)) query[j] *= -1;
    const sharp = hopfieldRetrieve({ patterns, states: matrix(1, 49, query), beta: 20, steps: 1 });
    expect(row(sharp.states[0], 0).map((v) => Math.sign(v))).toEqual(glyphPixels("H"));
    const soft = hopfieldRetrieve({ patterns, states: matrix(1, 49, query), beta: 0.01, steps: 3 });
    for (const w of row(soft.weights[2], 0)) expect(w).toBeGreaterThan(0.1);
  });
});

describe("glyphs", () => {
  it("are distinct 7 × 7 ±1 images", () => {
    const all = glyphPatterns(glyphNames);
    expect([all.rows, all.cols]).toEqual([glyphNames.length, 49]);
    expect(Array.from(all.data).every((v) => v === 1 || v === -1)).toBe(true);
    expect(new Set(glyphNames.map((name) => glyphPixels(name).join())).size).toBe(glyphNames.length);
    // "T" has its bar on the top row and its stem down the middle column.
    const t = glyphPixels("T");
    expect(t.slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from({ length: 7 }, (_, r) => t[r * 7 + 3])).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});

describe("bad input", () => {
  const patterns = normalMatrix(1, 3, 4);
  const states = normalMatrix(2, 1, 4);
  const ok = { patterns, states, beta: 1, steps: 1 };
  it.each([
    ["no patterns", { ...ok, patterns: matrix(0, 4) }, /at least one stored pattern/],
    ["d = 0", { ...ok, patterns: matrix(2, 0), states: matrix(1, 0) }, /d ≥ 1/],
    ["no states", { ...ok, states: matrix(0, 4) }, /at least one state/],
    ["mismatched d", { ...ok, states: normalMatrix(3, 1, 5) }, /states ξ \[M, d\]: expected \[1, 4\]/],
    ["β = 0", { ...ok, beta: 0 }, /β must be/],
    ["β = NaN", { ...ok, beta: Number.NaN }, /β must be/],
    ["β = ∞", { ...ok, beta: Number.POSITIVE_INFINITY }, /β must be/],
    ["β huge", { ...ok, beta: 1e9 }, /β must be/],
    ["steps < 0", { ...ok, steps: -1 }, /steps must be/],
    ["fractional steps", { ...ok, steps: 1.5 }, /steps must be/],
    ["too many steps", { ...ok, steps: 1000 }, /steps must be/],
    ["NaN in a state", { ...ok, states: matrix(1, 4, [0, Number.NaN, 0, 0]) }, /states ξ must be finite/],
    [
      "∞ in a pattern",
      { ...ok, patterns: matrix(1, 4, [0, 0, Number.NEGATIVE_INFINITY, 0]) },
      /patterns must be finite/,
    ],
    ["a huge entry", { ...ok, states: matrix(1, 4, [1e300, 0, 0, 0]) }, /\|value\| ≤ 1000000/],
  ])("%s throws a RangeError that says why", (_, params, message) => {
    expect(() => hopfieldRetrieve(params)).toThrow(RangeError);
    expect(() => hopfieldRetrieve(params)).toThrow(message);
  });
});
