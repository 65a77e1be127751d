import { describe, expect, it } from "vitest";
import { glyphPixels } from "../core/glyphs";
import { hopfieldRetrieve } from "../core/hopfield";
import {
  CURVE_COUNTS,
  createHopfieldCapacityStore,
  currentCurve,
  curveKey,
  MAX_COUNT,
} from "./hopfieldCapacityStore";
import {
  ATTENTION_BETA,
  BETA_MAX,
  createHopfieldMemoryStore,
  currentResult,
  MAX_STEPS,
} from "./hopfieldMemoryStore";
import { describeRetrieval, retrievalSentence } from "./hopfieldReadout";

describe("createHopfieldMemoryStore", () => {
  it("starts from H with k seeded flips, at β = 1/√49, showing step 0", () => {
    const s = createHopfieldMemoryStore({ corruption: 5, seed: 9 }).getState();
    expect(s.start).toBe("H");
    expect(s.beta).toBe(ATTENTION_BETA);
    expect(s.flips.filter(Boolean)).toHaveLength(5);
    const h = glyphPixels("H");
    s.flips.forEach((f, j) => {
      expect(s.query.data[j]).toBe(f ? -h[j] : h[j]);
    });
    expect(createHopfieldMemoryStore({ corruption: 5, seed: 9 }).getState().flips).toEqual(s.flips);
    expect(createHopfieldMemoryStore({ corruption: 5, seed: 10 }).getState().flips).not.toEqual(s.flips);
    expect(s.shownSteps).toBe(0);
    expect(s.notes).toEqual([]);
  });

  it("toggles pixels, re-corrupts on k or seed, clamps β and steps, ignores nonsense", () => {
    const store = createHopfieldMemoryStore({ corruption: 0 });
    const { togglePixel, setCorruption, setSeed, setBeta, step, setShownSteps } = store.getState();
    const query = store.getState().query;
    togglePixel(10);
    expect(store.getState().flips[10]).toBe(true);
    expect(store.getState().query.data[10]).toBe(-query.data[10]);
    for (const bad of [-1, 49, 2.5, Number.NaN]) togglePixel(bad);
    expect(store.getState().flips.filter(Boolean)).toHaveLength(1);
    setCorruption(6);
    expect(store.getState().flips.filter(Boolean)).toHaveLength(6);
    const flips = store.getState().flips;
    setSeed(store.getState().seed + 1);
    expect(store.getState().flips).not.toEqual(flips);
    setBeta(1e6);
    expect(store.getState().beta).toBe(BETA_MAX);
    const before = store.getState();
    setBeta(Number.NaN);
    setBeta(-2);
    setSeed(Number.POSITIVE_INFINITY);
    setCorruption(Number.NaN);
    expect(store.getState()).toBe(before);
    for (let t = 0; t < MAX_STEPS + 3; t++) step();
    expect(store.getState().shownSteps).toBe(MAX_STEPS);
    setShownSteps(-4);
    expect(store.getState().shownSteps).toBe(0);
  });

  it("currentResult is null once the query or β no longer match the landed trajectory", () => {
    const store = createHopfieldMemoryStore();
    const s = store.getState();
    const computed = hopfieldRetrieve({
      patterns: s.patterns,
      states: s.query,
      beta: s.beta,
      steps: MAX_STEPS,
    });
    s.setResult({ patterns: s.patterns, query: s.query, beta: s.beta, ...computed }, 1);
    expect(currentResult(store.getState())).not.toBeNull();
    store.getState().togglePixel(0);
    expect(currentResult(store.getState())).toBeNull();
  });
});

describe("describeRetrieval", () => {
  const stored = ["A", "H", "T"] as const;
  const h = glyphPixels("H");
  it("names the retrieved glyph, counts matching pixels, and says when it is not the start", () => {
    const r = describeRetrieval([0.02, 0.95, 0.03], h, stored, glyphPixels, "H");
    expect(r).toEqual({ kind: "retrieved", glyph: "H", weight: 0.95, matchingPixels: 49, isStart: true });
    expect(retrievalSentence(r, "H", 49)).toBe(
      "Retrieved H: weight 0.95, and the sign of ξ matches H in 49 of 49 pixels.",
    );
    const wrong = describeRetrieval([0.97, 0.02, 0.01], h, stored, glyphPixels, "H");
    expect(wrong).toMatchObject({ kind: "retrieved", glyph: "A", isStart: false });
    expect(retrievalSentence(wrong, "H", 49)).toMatch(/^Retrieved A, not H, the glyph the query came from/);
  });

  it("calls a shared weight a metastable mixture, largest first, leaving out tiny weights", () => {
    const r = describeRetrieval([0.3, 0.68, 0.02], h, stored, glyphPixels, "H");
    expect(r).toEqual({
      kind: "mixes",
      parts: [
        { glyph: "H", weight: 0.68 },
        { glyph: "A", weight: 0.3 },
      ],
    });
    expect(retrievalSentence(r, "H", 49)).toMatch(/^Metastable: ξ mixes patterns H \(0\.68\), A \(0\.30\)\./);
    expect(describeRetrieval(null, h, stored, glyphPixels, "H")).toEqual({ kind: "query" });
  });
});

describe("createHopfieldCapacityStore", () => {
  it("validates its props and keys the curve by everything but N", () => {
    const store = createHopfieldCapacityStore({ count: 1e9 });
    expect(store.getState().count).toBe(MAX_COUNT);
    const key = curveKey(store.getState());
    store.getState().setCount(3);
    expect(curveKey(store.getState())).toBe(key);
    store.getState().setBeta(0.5);
    expect(curveKey(store.getState())).not.toBe(key);
    store.getState().setD(7);
    expect(store.getState().d).toBe(49);
    store.getState().setCurve({ counts: [1], modern: [1], classical: [1], queries: [40], key: "stale" });
    expect(currentCurve(store.getState())).toBeNull();
    expect(CURVE_COUNTS[0]).toBe(1);
    expect(CURVE_COUNTS.at(-1)).toBe(MAX_COUNT);
    expect([...CURVE_COUNTS].sort((a, b) => a - b)).toEqual(CURVE_COUNTS);
  });
});
