import { describe, expect, it } from "vitest";
import { attention } from "./attention";
import { embedTokens } from "./embedding";
import { fromRows, row, toRows } from "./matrix";
import { presetNames, weightPresets } from "./presets";

const argmax = (values: number[]) => values.indexOf(Math.max(...values));

describe("weightPresets", () => {
  it("offers the four named presets, each with 2×2 W_Q, W_K, W_V and reader-facing text", () => {
    expect(Object.keys(weightPresets).sort()).toEqual([...presetNames].sort());
    for (const name of presetNames) {
      const p = weightPresets[name];
      for (const m of [p.wq, p.wk, p.wv]) expect([m.rows, m.cols]).toEqual([2, 2]);
      expect(p.label.length).toBeGreaterThan(0);
      expect(p.description.length).toBeGreaterThan(20);
    }
  });

  it("rotation turns a query a quarter turn counter-clockwise (row vectors: q = x·W_Q)", () => {
    const { wq } = weightPresets.rotation;
    const q = attention({ x: fromRows([[1, 0]]), wq, wk: wq, wv: wq }).q;
    expect(row(q, 0)).toEqual([0, 1]);
  });

  it("rotation makes a token attend to the token 90° counter-clockwise from it", () => {
    const x = fromRows([
      [0.8, 0],
      [0, 0.8],
      [-0.8, 0],
    ]);
    const { wq, wk, wv } = weightPresets.rotation;
    const w = toRows(attention({ x, wq, wk, wv }).weights);
    expect(argmax(w[0])).toBe(1);
  });

  it("similar concentrates a token's weight on its own group; opposite on the far side", () => {
    const tokens = ["cat", "dog", "the", "red"];
    const x = embedTokens(tokens);
    const similar = toRows(attention({ x, ...pick("similar") }).weights)[0];
    const opposite = toRows(attention({ x, ...pick("opposite") }).weights)[0];
    const identity = toRows(attention({ x, ...pick("identity") }).weights)[0];
    expect(similar[0] + similar[1]).toBeGreaterThan(0.8);
    expect(similar[0] + similar[1]).toBeGreaterThan(identity[0] + identity[1]);
    expect(argmax(opposite)).toBe(2);
    expect(opposite[0]).toBeLessThan(0.05);
  });
});

function pick(name: keyof typeof weightPresets) {
  const { wq, wk, wv } = weightPresets[name];
  return { wq, wk, wv };
}
