import { afterEach, describe, expect, it } from "vitest";
import { commands, userEvent } from "vitest/browser";
import { drawChart } from "./chart";
import type { ChartData, ChartDragPhase } from "./chartTypes";
import "./palette.css";
import "./viz.css";

/**
 * Real Chromium, real mouse (Playwright's input pipeline, not synthetic DOM events): a dragged
 * handle reports moves with growing x and its circle follows the pointer on screen.
 */

const data: ChartData = {
  title: "Error against context size",
  x: { label: "context size", domain: [0, 10] },
  y: { label: "error", domain: [0, 1] },
  series: [
    {
      id: "err",
      label: "error",
      colour: "query",
      kind: "line",
      points: [
        [0, 1],
        [5, 0.5],
        [10, 0.2],
      ],
    },
  ],
  handles: [{ id: "n", label: "context size N", x: 2, y: 0.5, colour: "key" }],
};

afterEach(() => {
  document.body.innerHTML = "";
});

function mount(id: string): HTMLElement {
  const el = document.createElement("div");
  el.id = id;
  el.style.width = "480px"; // the viewBox width: one CSS px per viewBox px
  document.body.appendChild(el);
  return el;
}

const centre = (node: Element) => {
  const r = (node as SVGGElement).querySelector(".dw-chart-handle-dot")?.getBoundingClientRect() as DOMRect;
  return [r.left + r.width / 2, r.top + r.height / 2];
};

describe("drawChart (Chromium)", () => {
  it("follows a real pointer drag, reporting moves with increasing x", async () => {
    const el = mount("chart-drag");
    const calls: [number, [number, number], ChartDragPhase][] = [];
    drawChart(el, data, { onHandleDrag: (i, p, phase) => calls.push([i, p, phase]) });
    const node = el.querySelector(".dw-chart-handle") as SVGGElement;
    const [x0, y0] = centre(node);
    await commands.pointerDrag("#chart-drag .dw-chart-handle-dot", 120, 0, 6);
    const phases = calls.map((c) => c[2]);
    expect(phases[0]).toBe("start");
    expect(phases.at(-1)).toBe("end");
    const moves = calls.filter((c) => c[2] === "move").map((c) => c[1][0]);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < moves.length; k++) expect(moves[k]).toBeGreaterThan(moves[k - 1]);
    // 120 px of a 408 px plot spanning 10 units: about 2.94 units to the right; y unchanged.
    const [, [xEnd, yEnd]] = calls.at(-1) as (typeof calls)[number];
    expect(xEnd).toBeCloseTo(2 + (120 / 408) * 10, 1);
    expect(yEnd).toBeCloseTo(0.5, 2);
    const [x1, y1] = centre(node);
    expect(x1 - x0).toBeCloseTo(120, -1);
    expect(Math.abs(y1 - y0)).toBeLessThan(1);
    expect(node.getAttribute("aria-valuetext")).toBe(`x = ${xEnd.toFixed(2)}, y = 0.50`);
  });

  it("puts the handle, not the SVG, first in the tab order; moves it with keys; shows the readout", async () => {
    const el = mount("chart-keys");
    const calls: number[] = [];
    drawChart(el, data, { onHandleDrag: (_, p) => calls.push(p[0]), step: 0.5 });
    await userEvent.tab();
    const node = el.querySelector(".dw-chart-handle") as SVGGElement;
    expect(document.activeElement).toBe(node);
    expect(el.querySelector(".dw-chart-readout")?.textContent).toContain("context size N: x = 2.00");
    await userEvent.keyboard("{ArrowRight}");
    expect(calls).toEqual([2.5, 2.5]);
  });

  it("narrows its viewBox to a phone-width container, so labels keep their size in CSS px", async () => {
    const el = mount("chart-narrow");
    el.style.width = "320px";
    drawChart(el, data);
    const svg = el.querySelector("svg") as SVGSVGElement;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(svg.getAttribute("viewBox")).toBe("0 0 320 225");
    const tick = el.querySelector(".dw-chart-axes text") as SVGTextElement;
    const fontPx = Number.parseFloat(getComputedStyle(tick).fontSize);
    // One viewBox unit is one CSS px, so a tick label is drawn at its nominal size.
    expect(tick.getBoundingClientRect().height).toBeGreaterThanOrEqual(fontPx * 0.9);
    el.style.width = "480px";
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(svg.getAttribute("viewBox")).toBe("0 0 480 300");
  });
});
