import { describe, expect, it } from "vitest";
import { fromRows } from "../core/matrix";
import { drawPlane } from "./plane";

const tokens = ["a", "b"];
const points = fromRows([
  [0, 0],
  [1, 0],
]);
const outputs = fromRows([
  [0.5, 0],
  [0.5, 0.1],
]);

describe("plane output names", () => {
  it("calls the diamonds attention outputs by default and whatever the widget says otherwise", () => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    const plane = drawPlane(el, { tokens, points, outputs });
    const diamond = () => el.querySelector("path.dw-output")?.getAttribute("aria-label");
    const legend = () => el.querySelector(".dw-legend")?.textContent ?? "";
    const desc = () => el.querySelector("desc")?.textContent ?? "";
    expect(diamond()).toMatch(/^attention output for a at/);
    expect(legend()).toContain("attention output");
    expect(desc()).toContain("attention outputs");

    plane.update({ tokens, points, outputs }, { outputName: "MLP output" });
    expect(diamond()).toMatch(/^MLP output for a at/);
    expect(legend()).toContain("MLP output");
    expect(legend()).not.toContain("attention");
    expect(desc()).toContain("MLP outputs");
  });
});
