import { type Selection, select } from "d3-selection";
import type { HeatmapLayout } from "./heatmapLayout";
import { truncateLabel } from "./svg";

/**
 * The heatmap's element tree, re-joined only when the shape, labels or layout change. Values are
 * written elsewhere straight into the node arrays returned here, so a 60 fps update touches
 * attributes only and never creates or removes nodes.
 *
 *   svg[role=grid]
 *   ├ g[role=row].dw-col-header ─ text[role=columnheader] × cols
 *   ├ g.dw-rows ─ g[role=row][data-row=i] ─ text[role=rowheader], rect[role=gridcell][data-row][data-col] × cols
 *   ├ rect.dw-row-outline                (highlight)
 *   └ g.dw-row-values[aria-hidden] ─ text × cols (the highlighted row's numbers)
 */
export interface HeatmapNodes {
  rows: SVGGElement[];
  rowHeaders: SVGTextElement[];
  /** Row-major: cells[i * cols + j]. */
  cells: SVGRectElement[];
  titles: SVGTitleElement[];
  valueTexts: SVGTextElement[];
}

type Root = Selection<SVGSVGElement, unknown, null, undefined>;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export function joinHeatmap(
  svg: Root,
  rowLabels: readonly string[],
  colLabels: readonly string[],
  layout: HeatmapLayout,
): HeatmapNodes {
  const { cell, gap, gridX, gridY, fontSize } = layout;
  const rows = rowLabels.length;
  const cols = colLabels.length;
  svg
    .attr("width", layout.width)
    .attr("height", layout.height)
    .attr("viewBox", `0 0 ${layout.width} ${layout.height}`)
    .attr("aria-rowcount", rows + 1)
    .attr("aria-colcount", cols + 1);

  // Column header row. Labels use textContent (d3 .text), never HTML: tokens come from readers.
  const header = svg.select<SVGGElement>("g.dw-col-header");
  header
    .selectAll<SVGTextElement, number>("text")
    .data(range(cols))
    .join("text")
    .attr("role", "columnheader")
    .attr("aria-colindex", (j) => j + 2)
    .attr("aria-label", (j) => colLabels[j])
    .attr("font-size", fontSize)
    .attr("text-anchor", layout.rotateColumnLabels ? "start" : "middle")
    .attr("dominant-baseline", layout.rotateColumnLabels ? "middle" : "auto")
    .attr("transform", (j) => {
      const x = gridX + (j + 0.5) * cell;
      return layout.rotateColumnLabels
        ? `translate(${x},${gridY - 4}) rotate(-90)`
        : `translate(${x},${gridY - 5})`;
    })
    .attr("fill-opacity", (j) => (j % layout.colLabelStride === 0 ? 1 : 0))
    .text((j) => truncateLabel(colLabels[j], layout.maxLabelChars));

  const rowSel = svg
    .select<SVGGElement>("g.dw-rows")
    .selectAll<SVGGElement, number>("g.dw-row")
    .data(range(rows))
    .join((enter) => {
      const g = enter.append("g").attr("class", "dw-row").attr("role", "row");
      g.append("text").attr("class", "dw-rowheader").attr("role", "rowheader").attr("aria-colindex", 1);
      return g;
    })
    .attr("data-row", (i) => i)
    .attr("aria-rowindex", (i) => i + 2);

  rowSel
    .select<SVGTextElement>("text.dw-rowheader")
    .attr("x", gridX - 6)
    .attr("y", (i) => gridY + (i + 0.5) * cell)
    .attr("text-anchor", "end")
    .attr("dominant-baseline", "middle")
    .attr("font-size", fontSize)
    .attr("aria-label", (i) => rowLabels[i])
    .attr("fill-opacity", (i) => (i % layout.rowLabelStride === 0 ? 1 : 0))
    .text((i) => truncateLabel(rowLabels[i], layout.maxLabelChars));

  rowSel
    .selectAll<SVGRectElement, [number, number]>("rect.dw-cell")
    .data((i) => range(cols).map((j): [number, number] => [i, j]))
    .join((enter) => {
      const rect = enter.append("rect").attr("class", "dw-cell").attr("role", "gridcell");
      rect.append("title");
      return rect;
    })
    .attr("data-row", ([i]) => i)
    .attr("data-col", ([, j]) => j)
    .attr("aria-colindex", ([, j]) => j + 2)
    .attr("x", ([, j]) => gridX + j * cell)
    .attr("y", ([i]) => gridY + i * cell)
    .attr("width", Math.max(1, cell - gap))
    .attr("height", Math.max(1, cell - gap));

  svg
    .select("g.dw-row-values")
    .selectAll<SVGTextElement, number>("text")
    .data(range(cols))
    .join("text")
    .attr("x", (j) => gridX + (j + 0.5) * cell - gap / 2)
    .attr("text-anchor", "middle")
    .attr("dominant-baseline", "central");

  const rowNodes = rowSel.nodes();
  const cells: SVGRectElement[] = [];
  for (const rowNode of rowNodes) {
    // Query the row's own rects: d3 join order equals DOM order for index-keyed data.
    for (const rect of Array.from(rowNode.querySelectorAll<SVGRectElement>("rect.dw-cell"))) cells.push(rect);
  }
  return {
    rows: rowNodes,
    rowHeaders: rowNodes.map((g) => g.querySelector("text.dw-rowheader") as SVGTextElement),
    cells,
    titles: cells.map((c) => c.querySelector<SVGTitleElement>("title") as SVGTitleElement),
    valueTexts: svg.select<SVGGElement>("g.dw-row-values").selectAll<SVGTextElement, number>("text").nodes(),
  };
}

/** Creates the fixed skeleton once; joinHeatmap fills it. `hatchId` names the masked-cell pattern. */
export function createHeatmapSkeleton(element: HTMLElement, hatchId: string, maskedColor: string): Root {
  const svg = select(element).append("svg").attr("class", "dw-heatmap").attr("role", "grid");
  svg.append("title");
  const pattern = svg
    .append("defs")
    .append("pattern")
    .attr("id", hatchId)
    .attr("patternUnits", "userSpaceOnUse")
    .attr("width", 4)
    .attr("height", 4)
    .attr("patternTransform", "rotate(45)");
  pattern.append("rect").attr("width", 4).attr("height", 4).style("fill", maskedColor);
  pattern.append("line").attr("x1", 0).attr("y1", 0).attr("x2", 0).attr("y2", 4).attr("stroke", "#ffffff");
  svg.append("g").attr("class", "dw-col-header").attr("role", "row").attr("aria-rowindex", 1);
  svg.append("g").attr("class", "dw-rows");
  svg.append("rect").attr("class", "dw-row-outline").attr("visibility", "hidden");
  svg.append("g").attr("class", "dw-row-values").attr("aria-hidden", "true").attr("pointer-events", "none");
  return svg;
}
