import axe from "axe-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { drawChart } from "./chart";
import { base, drawnAt, handle, key, loss, mount, px, py, subpaths, texts } from "./chartTestKit";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("drawChart: marks", () => {
  it("draws one path per line series, split into subpaths at non-finite points", () => {
    const el = mount();
    drawChart(el, {
      ...base,
      series: [
        loss,
        {
          id: "b",
          label: "baseline",
          colour: "fixed",
          kind: "dashed",
          points: [
            [0, 0.5],
            [10, 0.5],
          ],
        },
        {
          id: "c",
          label: "steps",
          colour: "value",
          kind: "steps",
          points: [
            [0, 0.1],
            [5, 0.2],
            [10, 0.3],
          ],
        },
      ],
    });
    const paths = el.querySelectorAll<SVGPathElement>(".dw-chart-series path.dw-chart-line");
    expect(paths).toHaveLength(3);
    const [solid, dashed, steps] = Array.from(paths);
    // [0, 1] | NaN | [3, 4]: two subpaths of one segment each.
    expect(subpaths(solid.getAttribute("d"))).toBe(2);
    expect(solid.getAttribute("d")?.match(/L/g)).toHaveLength(2);
    expect(solid.getAttribute("stroke-dasharray")).toBeNull();
    expect(dashed.getAttribute("stroke-dasharray")).toBe("7 4");
    expect(subpaths(dashed.getAttribute("d"))).toBe(1);
    // Step-after: each of the 2 intervals is a horizontal then a vertical move.
    expect(steps.getAttribute("d")?.match(/L/g)).toHaveLength(4);
    // First point sits where the scales put it.
    const [x0, y0] = (solid.getAttribute("d")?.match(/-?[\d.]+/g) ?? []).map(Number);
    expect(x0).toBeCloseTo(px(0), 6);
    expect(y0).toBeCloseTo(py(0.9), 6);
  });

  it("draws a points series as one circle per finite point", () => {
    const el = mount();
    drawChart(el, {
      ...base,
      series: [{ ...loss, kind: "points", points: [...loss.points, [5, Number.POSITIVE_INFINITY]] }],
    });
    const circles = el.querySelectorAll(".dw-chart-series circle.dw-chart-point");
    expect(circles).toHaveLength(4);
    expect(Number(circles[2].getAttribute("cx"))).toBeCloseTo(px(3), 6);
    expect(el.querySelector(".dw-chart-series path")?.getAttribute("d")).toBeNull();
  });

  it("labels powers of ten on a log axis and skips non-positive values", () => {
    const el = mount();
    drawChart(el, {
      ...base,
      y: { label: "error", log: true },
      series: [
        {
          ...loss,
          points: [
            [0, 1],
            [1, 0.1],
            [2, 0],
            [3, 1e-3],
            [4, 1e-4],
          ],
        },
      ],
      handles: [],
    });
    const labels = texts(el, "text.dw-chart-tick-y");
    expect(labels).toEqual(expect.arrayContaining(["1e-4", "1e-3", "0.01", "0.1", "1"]));
    expect(labels.every((t) => t !== "0")).toBe(true);
    // y = 0 cannot be drawn on a log axis: a gap.
    expect(subpaths(el.querySelector(".dw-chart-line")?.getAttribute("d") ?? "")).toBe(2);
    expect(el.querySelector("desc")?.textContent).toContain("(log scale)");
  });

  it("puts whole-number ticks on an integer x axis", () => {
    const el = mount();
    drawChart(el, { ...base, x: { label: "N", domain: [1, 4], integer: true } });
    expect(texts(el, "text.dw-chart-tick-x")).toEqual(["1", "2", "3", "4"]);
  });

  it("fits y to the data with padding, and picks sane domains for one value or none", () => {
    const el = mount();
    const chart = drawChart(el, { ...base, y: { label: "loss" }, handles: [] });
    const ticks = () => texts(el, "text.dw-chart-tick-y").map(Number);
    expect(Math.min(...ticks())).toBeLessThanOrEqual(0.3);
    expect(Math.max(...ticks())).toBeGreaterThanOrEqual(0.9);
    chart.update({ ...base, y: { label: "loss" }, handles: [], series: [{ ...loss, points: [[1, 5]] }] });
    expect(Math.min(...ticks())).toBeLessThan(5);
    expect(Math.max(...ticks())).toBeGreaterThan(5);
    chart.update({ ...base, y: { label: "loss", domain: [Number.NaN, 1] }, handles: [], series: [] });
    expect(ticks().length).toBeGreaterThan(1);
    expect(ticks().every(Number.isFinite)).toBe(true);
  });

  it("draws markers as labelled vertical lines inside the domain only", () => {
    const el = mount();
    drawChart(el, {
      ...base,
      markers: [
        { x: 8, label: "N = d" },
        { x: 20, label: "far" },
      ],
    });
    const markers = el.querySelectorAll(".dw-chart-marker");
    expect(markers).toHaveLength(1);
    expect(markers[0].querySelector("text")?.textContent).toBe("N = d");
    expect(Number(markers[0].querySelector("line")?.getAttribute("x1"))).toBeCloseTo(px(8), 6);
  });

  it("hangs the labels of two close markers on opposite sides so they do not overlap", () => {
    const el = mount();
    drawChart(el, {
      ...base,
      markers: [
        { x: 7, label: "N = 7" },
        { x: 6.9, label: "0.14·d ≈ 6.9" },
      ],
    });
    const anchor = (label: string) =>
      Array.from(el.querySelectorAll(".dw-chart-marker text"))
        .find((t) => t.textContent === label)
        ?.getAttribute("text-anchor");
    expect(anchor("0.14·d ≈ 6.9")).toBe("end");
    expect(anchor("N = 7")).toBe("start");
  });

  it("names the figure and describes each series, handle and marker in its <desc>", () => {
    const el = mount();
    drawChart(el, base);
    const svg = el.querySelector("svg") as SVGSVGElement;
    expect(svg.getAttribute("role")).toBe("group");
    expect(svg.getAttribute("aria-label")).toBe("Loss against examples");
    const desc = el.querySelector("desc")?.textContent ?? "";
    expect(desc).toContain("training loss (solid line): 4 points, 1 missing");
    expect(desc).toContain("first y = 0.90 at x = 0, last y = 0.30 at x = 4");
    expect(desc).toContain("Draggable point context size N at x = 3, y = 0.50");
    expect(desc).toContain("Marker N = d at x = 8");
  });

  it("lists series and handles in the legend, each swatch in its own style", () => {
    const el = mount();
    drawChart(el, { ...base, series: [loss, { ...loss, id: "t", label: "test loss", kind: "dashed" }] });
    expect(texts(el, ".dw-chart-legend li span")).toEqual([
      "training loss",
      "test loss",
      "context size N (draggable)",
    ]);
    const kinds = Array.from(el.querySelectorAll(".dw-chart-legend li"), (li) =>
      li.getAttribute("data-kind"),
    );
    expect(kinds).toEqual(["line", "dashed", "handle"]);
    expect(
      el.querySelectorAll(".dw-chart-legend li")[1].querySelector("path")?.getAttribute("stroke-dasharray"),
    ).toBe("7 4");
  });

  it("can list many handles as one legend entry and mark each dot with a short text", () => {
    const el = mount();
    const handles = [1, 2, 3].map((i) => ({
      id: `e${i}`,
      label: `example ${i}`,
      mark: String(i),
      x: i,
      y: 0.5,
      colour: "token" as const,
    }));
    drawChart(el, { ...base, series: [], handles, handlesLegend: "an example" });
    expect(texts(el, ".dw-chart-legend li span")).toEqual(["an example (draggable)"]);
    expect(texts(el, ".dw-chart-handle-label")).toEqual(["1", "2", "3"]);
    const names = Array.from(el.querySelectorAll(".dw-chart-handle"), (h) => h.getAttribute("aria-label"));
    expect(names).toEqual(["example 1", "example 2", "example 3"]);
  });

  it("writes x values with the caller's formatter on ticks and in the description", () => {
    const el = mount();
    drawChart(el, {
      ...base,
      x: { label: "n", domain: [4, 8], integer: true, format: (k) => String(2 ** k) },
      handles: [],
      series: [
        {
          id: "t",
          label: "time",
          colour: "query",
          kind: "line",
          points: [
            [4, 0.5],
            [8, 0.9],
          ],
        },
      ],
    });
    expect(texts(el, "text.dw-chart-tick-x")).toEqual(["16", "32", "64", "128", "256"]);
    expect(el.querySelector("desc")?.textContent).toContain("at x = 256");
  });

  it("keeps reader text as text", () => {
    const el = mount();
    const evil = "<img src=x onerror=alert(1)>";
    drawChart(el, { ...base, title: evil, series: [{ ...loss, label: evil }] });
    expect(el.querySelector("img")).toBeNull();
    expect(texts(el, ".dw-chart-legend li span")[0]).toBe(evil);
  });
});

describe("drawChart: lifecycle", () => {
  it("updates in place, joining series by id", () => {
    const el = mount();
    const chart = drawChart(el, base);
    const svg = el.querySelector("svg");
    const path = el.querySelector('.dw-chart-series[data-id="loss"] path');
    chart.update({
      ...base,
      series: [
        {
          ...loss,
          points: [
            [0, 0.5],
            [1, 0.4],
          ],
        },
        { ...loss, id: "x", label: "x" },
      ],
    });
    expect(el.querySelector("svg")).toBe(svg);
    expect(el.querySelector('.dw-chart-series[data-id="loss"] path')).toBe(path);
    expect(subpaths(path?.getAttribute("d") ?? "")).toBe(1);
    chart.update({ ...base, series: [{ ...loss, id: "x", label: "x" }] });
    expect(el.querySelectorAll(".dw-chart-series")).toHaveLength(1);
    expect(el.querySelector('.dw-chart-series[data-id="loss"]')).toBeNull();
  });

  it("survives bad input: NaN domains and handles, empty series, nothing drawable", () => {
    const el = mount();
    const chart = drawChart(el, {
      title: "",
      x: { label: "", domain: [Number.NaN, Number.NaN] },
      y: { label: "", log: true, domain: [-1, 0] },
      series: [
        {
          ...loss,
          points: [
            [0, -1],
            [Number.NaN, 2],
          ],
        },
      ],
      handles: [{ id: "h", label: "h", x: Number.NaN, y: Number.POSITIVE_INFINITY, colour: "ink" }],
    });
    const t = drawnAt(handle(el));
    expect(t.every(Number.isFinite)).toBe(true);
    expect(el.querySelector("desc")?.textContent).toContain("training loss (solid line): no points.");
    chart.update({ ...base, series: [], handles: [] });
    expect(el.querySelectorAll(".dw-chart-series")).toHaveLength(0);
  });

  it("destroy removes its nodes and listeners", () => {
    const el = mount();
    const onHandleDrag = vi.fn();
    const chart = drawChart(el, base, { onHandleDrag });
    const h = handle(el);
    chart.destroy();
    expect(el.childNodes).toHaveLength(0);
    h.dispatchEvent(key("ArrowUp"));
    expect(onHandleDrag).not.toHaveBeenCalled();
  });

  it("two charts on one page are independent", () => {
    const a = mount();
    const b = mount();
    const onA = vi.fn();
    const onB = vi.fn();
    drawChart(a, base, { onHandleDrag: onA });
    drawChart(b, base, { onHandleDrag: onB });
    handle(a).dispatchEvent(key("ArrowRight"));
    expect(onA).toHaveBeenCalledTimes(2);
    expect(onB).not.toHaveBeenCalled();
    expect(drawnAt(handle(a))[0]).not.toBe(drawnAt(handle(b))[0]);
    const clip = (el: HTMLElement) => el.querySelector("clipPath")?.id;
    expect(clip(a)).not.toBe(clip(b));
    expect(a.querySelector(".dw-chart-plot")?.getAttribute("clip-path")).toBe(`url(#${clip(a)})`);
  });

  it("has no ARIA violations", async () => {
    const el = document.createElement("main");
    document.body.appendChild(el);
    drawChart(el, base);
    const result = await axe.run(el, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
