import { describe, expect, it } from "vitest";
import { fromRows, matrix } from "../core/matrix";
import { drawPlane } from "./plane";

// Default plane: size 400, margin 24, domain [-1.5, 1.5].
const px = (x: number) => 24 + ((x + 1.5) / 3) * 364;
const py = (y: number) => 376 - ((y + 1.5) / 3) * 364;

const tokens = ["a", "b", "c"];
const points = fromRows([
  [0, 0],
  [1, 0],
  [0, 1],
]);

describe("plane hull", () => {
  it("shades the given polygon under the marks, at the scaled vertices, and hides it when absent", () => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    const hull = fromRows([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    const plane = drawPlane(el, { tokens, points, hull });
    const path = el.querySelector("path.dw-hull") as SVGPathElement;
    const corners = (path.getAttribute("d") ?? "")
      .replace(/[MZ]/g, "")
      .split("L")
      .map((pair) => pair.split(",").map(Number));
    expect(corners).toEqual([
      [px(0), py(0)].map((v) => Number(v.toFixed(2))),
      [px(1), py(0)].map((v) => Number(v.toFixed(2))),
      [px(0), py(1)].map((v) => Number(v.toFixed(2))),
    ]);
    expect(path.getAttribute("visibility")).toBe("visible");
    // Drawn first, so the tokens and outputs stay on top of the shading.
    const layers = Array.from(el.querySelectorAll("svg > g")).map((g) => g.getAttribute("class"));
    expect(layers.indexOf("dw-hull-layer")).toBeLessThan(layers.indexOf("dw-tokens"));

    plane.update({ tokens, points });
    expect(path.getAttribute("visibility")).toBe("hidden");
    plane.update({ tokens, points, hull: matrix(0, 2) });
    expect(path.getAttribute("visibility")).toBe("hidden");
  });
});
