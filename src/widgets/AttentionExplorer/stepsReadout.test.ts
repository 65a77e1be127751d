import { describe, expect, it } from "vitest";
import { attention } from "../../core/attention";
import { fromRows, identity } from "../../core/matrix";
import { createAttentionStore } from "../../state/attentionStore";
import { hullReadout, outputInHull, sumsReadout, weightSums } from "./stepsReadout";

describe("weightSums", () => {
  it("adds up each row and each column", () => {
    expect(
      weightSums(
        fromRows([
          [0.5, 0.5],
          [1, 0],
        ]),
      ),
    ).toEqual({ rows: [1, 1], columns: [1.5, 0.5] });
  });
});

describe("outputInHull", () => {
  it("allows float32 error at a vertex but not a real step outside", () => {
    const values = fromRows([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(outputInHull(fromRows([[1 + 1e-7, 0]]), values, 0)).toBe(true);
    expect(outputInHull(fromRows([[1.01, 0]]), values, 0)).toBe(false);
  });
});

describe("readouts", () => {
  const withResult = (text: string, normalisation: "rows" | "columns" | "all", maskedKeys?: boolean[]) => {
    const store = createAttentionStore({ initialText: text });
    const s = store.getState();
    s.setNormalisation(normalisation);
    const keys = maskedKeys ?? s.maskedKeys;
    const result = attention({
      x: s.points,
      wq: identity(2),
      wk: identity(2),
      wv: s.wv,
      normalisation,
      maskedKeys: keys,
    });
    store.setState({ maskedKeys: keys });
    store.getState().setResult(result, 1);
    return store.getState();
  };

  it("lists few sums, gives the range of many, and says 'all' when they agree", () => {
    expect(sumsReadout(withResult("a b c", "rows"))).toMatch(
      /^Row sums: all 1\.00\. Column sums: [\d.]+, [\d.]+, [\d.]+\.$/,
    );
    const many = Array.from({ length: 12 }, (_, i) => `w${i}`).join(" ");
    expect(sumsReadout(withResult(many, "columns"))).toMatch(
      /^Row sums: from [\d.]+ to [\d.]+\. Column sums: all 1\.00\.$/,
    );
    expect(sumsReadout(createAttentionStore({ initialText: "a" }).getState())).toBe("");
  });

  it("names the selected token, and a token with no key left", () => {
    expect(hullReadout(withResult("red green blue", "rows"))).toBe(
      "The output of “red” lies inside the convex hull of the values: yes.",
    );
    expect(hullReadout(withResult("red green blue", "all"))).toBe(
      "The output of “red” lies inside the convex hull of the values: no (its row of weights sums to far less than 1).",
    );
    expect(hullReadout(withResult("red green", "rows", [true, true]))).toMatch(/^“red” has no key left/);
  });
});
