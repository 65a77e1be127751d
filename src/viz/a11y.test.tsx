import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { fromRows } from "../core/matrix";
import { drawHeatmap } from "./heatmap";
import { drawPlane } from "./plane";

/** axe's rule violations, colour contrast excluded (jsdom has no layout or computed colours). */
async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility (axe-core)", () => {
  it("the heatmap and the plane have no ARIA violations", async () => {
    const el = document.createElement("main");
    document.body.appendChild(el);
    const tokens = ["the", "cat"];
    const heat = document.createElement("div");
    const plane = document.createElement("div");
    el.append(heat, plane);
    drawHeatmap(
      heat,
      {
        values: fromRows([
          [1, Number.NEGATIVE_INFINITY],
          [0.4, 0.6],
        ]),
        rowLabels: tokens,
        colLabels: tokens,
        title: "Weights",
      },
      { scale: "weights", selectedRow: 1 },
    );
    const points = fromRows([
      [0, 0],
      [1, 1],
    ]);
    drawPlane(plane, {
      tokens,
      points,
      arrows: { q: points },
      outputs: points,
      mixing: { row: 0, weights: [0.3, 0.7], values: points },
    });
    expect(await violations(el)).toEqual([]);
  });
});
