import { describe, expect, it } from "vitest";
import { hopfieldRetrieve } from "../core/hopfield";
import { createEngine } from "./engine";
import { maxAbsDiff } from "./fixtures";
import { hopfieldCases } from "./hopfieldCases";

describe("hopfieldTf on the cpu backend (node)", () => {
  const engine = createEngine({ forced: "cpu" });

  it.each(hopfieldCases.map((c) => [c.label, c.p] as const))("%s matches core within 1e-5", async (_, p) => {
    const got = await engine.hopfield(p);
    const want = hopfieldRetrieve(p);
    expect(got.states).toHaveLength(p.steps);
    const diffs = [
      ...got.states.map((s, t) => maxAbsDiff(s, want.states[t])),
      ...got.weights.map((w, t) => maxAbsDiff(w, want.weights[t])),
      maxAbsDiff(got.energies, want.energies),
    ];
    expect(Math.max(...diffs)).toBeLessThanOrEqual(1e-5);
  });

  it("rejects bad input with core's words and leaks nothing", async () => {
    const p = hopfieldCases[1].p;
    const baseline = await engine.numTensors();
    await expect(engine.hopfield({ ...p, beta: Number.NaN })).rejects.toThrow(/β must be/);
    for (let i = 0; i < 20; i++) await engine.hopfield(p);
    expect(await engine.numTensors()).toBe(baseline);
  });
});
