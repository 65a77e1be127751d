import { describe, expect, it } from "vitest";
import type { HistoryPoint } from "../../core/training";
import { lossSeries, MAX_CURVE_POINTS } from "./lossSeries";

const history = (n: number, loss: (step: number) => number): HistoryPoint[] =>
  Array.from({ length: n }, (_, i) => ({ step: i + 1, losses: { lsa: loss(i + 1), mlp: 2 * loss(i + 1) } }));

describe("lossSeries", () => {
  it("keeps a short history point for point", () => {
    const h = history(30, (s) => 1 / s);
    expect(lossSeries(h, "lsa")).toEqual(h.map((p) => [p.step, p.losses.lsa]));
    expect(lossSeries(h, "mlp")[2]).toEqual([3, 2 / 3]);
  });

  it("thins a long history to at most the limit, each point the mean of its run of steps", () => {
    const h = history(2000, (s) => (s % 2 === 0 ? 1 : 3)); // noisy: alternates 1 and 3
    const points = lossSeries(h, "lsa");
    expect(points.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(points.length).toBe(400);
    // Runs of 5 steps: 1..5 averages to step 3; their losses 3,1,3,1,3 to 2.2.
    expect(points[0]).toEqual([3, 2.2]);
    expect(points.at(-1)?.[0]).toBe(1998);
    expect(
      lossSeries(
        history(10_001, () => 1),
        "lsa",
      ).length,
    ).toBeLessThanOrEqual(MAX_CURVE_POINTS);
  });

  it("leaves a gap where a model has no finite loss, and skips missing ones inside a run", () => {
    const h: HistoryPoint[] = [
      { step: 1, losses: { lsa: 1 } },
      { step: 2, losses: { lsa: Number.NaN } },
      { step: 3, losses: {} },
      { step: 4, losses: { lsa: 0.5 } },
    ];
    const raw = lossSeries(h, "lsa");
    expect(raw[1][1]).toBeNaN();
    expect(raw[2][1]).toBeNaN();
    expect(lossSeries(h, "lsa", 2)).toEqual([
      [1.5, 1],
      [3.5, 0.5],
    ]);
    expect(lossSeries(h, "mlp", 2).map((p) => p[1])).toEqual([Number.NaN, Number.NaN]);
  });
});
