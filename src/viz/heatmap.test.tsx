import { afterEach, describe, expect, it, vi } from "vitest";
import { fromRows, matrix } from "../core/matrix";
import { drawHeatmap, type HeatmapData } from "./heatmap";
import { heatmapLayout } from "./heatmapLayout";
import { weightColor } from "./palette";

const tokens = ["the", "cat", "sat"];
const weights = fromRows([
  [1, 0, 0],
  [0.25, 0.75, 0],
  [0.1, 0.3, 0.6],
]);
const data = (values = weights, labels = tokens): HeatmapData => ({
  values,
  rowLabels: labels,
  colLabels: labels,
  title: "Attention weights softmax(QKᵀ/√d)",
});

function mount(): HTMLElement {
  const el = document.createElement("div");
  document.body.appendChild(el);
  return el;
}
const cellAt = (el: HTMLElement, i: number, j: number) =>
  el.querySelector(`rect[data-row="${i}"][data-col="${j}"]`) as SVGRectElement;

afterEach(() => {
  document.body.innerHTML = "";
});

describe("drawHeatmap", () => {
  it("renders n×n grid cells with row/column aria-labels and a hover title", () => {
    const el = mount();
    drawHeatmap(el, data(), { scale: "weights" });
    const svg = el.querySelector("svg") as SVGSVGElement;
    expect(svg.getAttribute("role")).toBe("grid");
    expect(svg.getAttribute("aria-label")).toBe("Attention weights softmax(QKᵀ/√d)");
    expect(el.querySelectorAll("[role='gridcell']")).toHaveLength(9);
    expect(el.querySelectorAll("[role='row'][data-row]")).toHaveLength(3);
    expect(cellAt(el, 1, 1).getAttribute("aria-label")).toBe("row cat, column cat: 0.75");
    expect(cellAt(el, 2, 0).querySelector("title")?.textContent).toBe("row sat, column the: 0.10");
    expect(cellAt(el, 1, 1).getAttribute("fill")).toBe(weightColor(0.75));
  });

  it("changes fills and labels on update without replacing cell nodes", () => {
    const el = mount();
    const heatmap = drawHeatmap(el, data(), { scale: "weights" });
    const before = Array.from(el.querySelectorAll("rect.dw-cell"));
    const oldFill = cellAt(el, 0, 0).getAttribute("fill");
    heatmap.update(
      data(
        fromRows([
          [0, 1, 0],
          [0.5, 0.5, 0],
          [0.2, 0.2, 0.6],
        ]),
      ),
    );
    const after = Array.from(el.querySelectorAll("rect.dw-cell"));
    expect(after).toHaveLength(9);
    expect(after.every((node, k) => node === before[k])).toBe(true);
    expect(cellAt(el, 0, 0).getAttribute("fill")).not.toBe(oldFill);
    expect(cellAt(el, 0, 0).getAttribute("fill")).toBe(weightColor(0));
    expect(cellAt(el, 0, 1).getAttribute("aria-label")).toBe("row the, column cat: 1.00");
  });

  it("without a canvas (jsdom) paints the rects, and colours() reports each cell's colour", () => {
    const el = mount();
    const heatmap = drawHeatmap(el, { ...data(), masked: (i, j) => j > i }, { scale: "weights" });
    expect(el.querySelector("canvas")).toBeNull();
    const colours = heatmap.colours?.() ?? [];
    expect(colours).toHaveLength(9);
    expect(colours[3]).toBe(weightColor(0.25));
    expect(colours[1]).toMatch(/^url\(#dw-hatch-/);
    const rects = Array.from(el.querySelectorAll("rect.dw-cell"));
    expect(rects.map((r) => r.getAttribute("fill"))).toEqual(colours);
  });

  it("adds and removes cells when the shape changes, including rectangular matrices", () => {
    const el = mount();
    const heatmap = drawHeatmap(el, data(), { scale: "weights" });
    heatmap.update({
      values: matrix(2, 4),
      rowLabels: ["a", "b"],
      colLabels: ["w", "x", "y", "z"],
      title: "t",
    });
    expect(el.querySelectorAll("rect.dw-cell")).toHaveLength(8);
    expect(el.querySelectorAll("[role='columnheader']")).toHaveLength(4);
    expect(cellAt(el, 1, 3).getAttribute("aria-label")).toBe("row b, column z: 0.00");
    heatmap.update(data(matrix(1, 1), ["solo"]));
    expect(el.querySelectorAll("rect.dw-cell")).toHaveLength(1);
  });

  it("shows -Infinity scores as masked, hatched cells", () => {
    const el = mount();
    const scores = fromRows([
      [0.5, Number.NEGATIVE_INFINITY],
      [-1.2, 2],
    ]);
    drawHeatmap(el, data(scores, ["a", "b"]), { scale: "scores" });
    const masked = cellAt(el, 0, 1);
    expect(masked.getAttribute("aria-label")).toBe("row a, column b: masked");
    expect(masked.getAttribute("fill")).toMatch(/^url\(#dw-hatch-/);
    const patternId = masked.getAttribute("fill")?.slice(5, -1);
    expect(el.querySelector(`pattern[id="${patternId}"]`)).not.toBeNull();
    // Diverging scale: negative and positive scores get different colours.
    expect(cellAt(el, 1, 0).getAttribute("fill")).not.toBe(cellAt(el, 1, 1).getAttribute("fill"));
  });

  it("honours a caller-supplied mask", () => {
    const el = mount();
    drawHeatmap(el, { ...data(), masked: (i, j) => j > i }, { scale: "weights" });
    expect(cellAt(el, 0, 2).getAttribute("aria-label")).toBe("row the, column sat: masked");
    expect(cellAt(el, 2, 0).getAttribute("aria-label")).toBe("row sat, column the: 0.10");
  });

  it("highlights a hovered row, shows its numbers and calls onSelectRow", () => {
    const el = mount();
    const onSelectRow = vi.fn();
    drawHeatmap(el, data(), { scale: "weights", onSelectRow, cellSize: 48 });
    cellAt(el, 1, 0).dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
    expect(onSelectRow).toHaveBeenLastCalledWith(1);
    expect(el.querySelector("[data-row='1'][role='row']")?.classList.contains("dw-highlight")).toBe(true);
    const inCell = Array.from(el.querySelectorAll(".dw-row-values text")).map((t) => t.textContent);
    expect(inCell).toEqual(["0.25", "0.75", "0.00"]);
    el.querySelector("svg")?.dispatchEvent(new PointerEvent("pointerleave"));
    expect(onSelectRow).toHaveBeenLastCalledWith(null);
    expect(el.querySelector(".dw-highlight")).toBeNull();
  });

  it("lists the highlighted row in a readout when cells are too small for numbers", () => {
    const el = mount();
    drawHeatmap(el, data(), { scale: "weights", cellSize: 10, selectedRow: 2 });
    expect(el.querySelector(".dw-heatmap-readout")?.textContent).toBe("sat: the 0.10, cat 0.30, sat 0.60");
    expect(Array.from(el.querySelectorAll(".dw-row-values text")).every((t) => t.textContent === "")).toBe(
      true,
    );
  });

  it("moves focus between rows with arrow keys (roving tabindex) and reports the row", () => {
    const el = mount();
    const onSelectRow = vi.fn();
    drawHeatmap(el, data(), { scale: "weights", onSelectRow });
    const rows = Array.from(el.querySelectorAll<SVGGElement>("[role='row'][data-row]"));
    expect(rows.map((r) => r.getAttribute("tabindex"))).toEqual(["0", "-1", "-1"]);
    rows[0].focus();
    expect(onSelectRow).toHaveBeenLastCalledWith(0);
    rows[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(document.activeElement).toBe(rows[1]);
    expect(rows.map((r) => r.getAttribute("tabindex"))).toEqual(["-1", "0", "-1"]);
    expect(onSelectRow).toHaveBeenLastCalledWith(1);
    rows[1].dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    expect(document.activeElement).toBe(rows[2]);
    expect(rows[2].classList.contains("dw-highlight")).toBe(true);
  });

  it("renders reader tokens as text, never as HTML", () => {
    const el = mount();
    const evil = "<img src=x onerror=alert(1)>";
    drawHeatmap(el, data(fromRows([[1]]), [evil]), { scale: "weights" });
    expect(el.querySelector("img")).toBeNull();
    expect(el.querySelector("[role='columnheader']")?.getAttribute("aria-label")).toBe(evil);
    expect(cellAt(el, 0, 0).getAttribute("aria-label")).toBe(`row ${evil}, column ${evil}: 1.00`);
  });

  it("during a burst of updates repaints colours every time and catches up on text after it settles", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    try {
      const el = mount();
      const heatmap = drawHeatmap(el, data(), { scale: "weights" });
      const frame = (w: number) => {
        vi.advanceTimersByTime(16);
        heatmap.update(
          data(
            fromRows([
              [w, 1 - w, 0],
              [0, 1, 0],
              [0, 0, 1],
            ]),
          ),
        );
        expect(cellAt(el, 0, 0).getAttribute("fill")).toBe(weightColor(w));
      };
      frame(0.1);
      frame(0.2);
      frame(0.3); // third rapid update: the text is deferred
      expect(cellAt(el, 0, 0).getAttribute("aria-label")).toBe("row the, column the: 0.20");
      frame(0.4);
      vi.advanceTimersByTime(200);
      expect(cellAt(el, 0, 0).getAttribute("aria-label")).toBe("row the, column the: 0.40");
      expect(cellAt(el, 0, 1).querySelector("title")?.textContent).toBe("row the, column cat: 0.60");
    } finally {
      vi.useRealTimers();
    }
  });

  it("holds the readout still during a burst of updates, and writes it at once on hover", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    try {
      const el = mount();
      const values = (w: number) =>
        fromRows([
          [w, 1 - w, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]);
      const heatmap = drawHeatmap(el, data(values(0.1)), { scale: "weights", cellSize: 10, selectedRow: 0 });
      const readout = () => el.querySelector(".dw-heatmap-readout")?.textContent;
      for (const w of [0.2, 0.3, 0.4, 0.5]) {
        vi.advanceTimersByTime(16);
        heatmap.update(data(values(w)));
      }
      expect(readout()).toBe("the: the 0.30, cat 0.70, sat 0.00"); // deferred from the third update on
      vi.advanceTimersByTime(200);
      expect(readout()).toBe("the: the 0.50, cat 0.50, sat 0.00");
      heatmap.update(data(values(0.6)));
      vi.advanceTimersByTime(16);
      heatmap.update(data(values(0.7)));
      el.querySelector<SVGGElement>("[role='row'][data-row='1']")?.focus();
      expect(readout()).toBe("cat: the 0.00, cat 1.00, sat 0.00");
    } finally {
      vi.useRealTimers();
    }
  });

  it("removes everything it drew on destroy", () => {
    const el = mount();
    drawHeatmap(el, data(), { scale: "weights" }).destroy();
    expect(el.childElementCount).toBe(0);
  });
});

describe("heatmapLayout", () => {
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `token${i}`);
  it("fits a 64×64 grid in 360–560 px, thinning and rotating labels", () => {
    const l = heatmapLayout(64, 64, labels(64), labels(64), 2);
    expect(l.width).toBeGreaterThanOrEqual(360);
    expect(l.width).toBeLessThanOrEqual(560);
    expect(l.height).toBeLessThanOrEqual(560);
    expect(l.rotateColumnLabels).toBe(true);
    expect(l.rowLabelStride).toBeGreaterThan(1);
    expect(l.valuesInCells).toBe(false);
  });
  it("keeps a single token large and readable", () => {
    const l = heatmapLayout(1, 1, ["a"], ["a"], 2);
    expect(l.cell).toBe(48);
    expect(l.rowLabelStride).toBe(1);
    expect(l.valuesInCells).toBe(true);
  });
});
