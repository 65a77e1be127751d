import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { type Matrix, matrix } from "../core/matrix";
import { drawPlane, type PlaneData, type PlaneHandle } from "./plane";

/**
 * Real Chromium, 64 tokens with outputs, q/k/v arrows and a mixing view: after updates the marks
 * sit where the scales put the data, and the time of an update (+ forced layout) is logged.
 */

const N = 64;
// domain [-3, 3] holds every mark below, so it is never refitted: x px = 24 + (x + 3) / 6 · 364.
const px = (x: number) => 24 + ((x + 3) / 6) * 364;
const py = (y: number) => 376 - ((y + 3) / 6) * 364;

/** Deterministic values in [-1, 1]. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  };
}
function randomPoints(seed: number, scale: number): Matrix {
  const next = noise(seed);
  const m = matrix(N, 2);
  for (let k = 0; k < m.data.length; k++) m.data[k] = next() * scale;
  return m;
}
function nudged(m: Matrix, seed: number, size: number, rows?: number[]): Matrix {
  const next = noise(seed);
  const out = matrix(m.rows, m.cols, Float64Array.from(m.data));
  for (const i of rows ?? Array.from({ length: m.rows }, (_, r) => r)) {
    out.data[i * 2] += next() * size;
    out.data[i * 2 + 1] += next() * size;
  }
  return out;
}

const tokens = Array.from({ length: N }, (_, i) => `tok${i}`);
const weights = Array.from({ length: N }, (_, j) => (j === 3 ? 0.5 : 0.5 / (N - 1)));
function dataset(): PlaneData {
  const v = randomPoints(4, 0.5);
  return {
    tokens,
    points: randomPoints(1, 1.5),
    outputs: randomPoints(5, 1),
    arrows: { q: randomPoints(2, 0.5), k: randomPoints(3, 0.5), v },
    mixing: { row: 0, weights, values: v },
  };
}

afterEach(() => {
  document.body.innerHTML = "";
});

function mount(): { el: HTMLElement; plane: PlaneHandle; data: PlaneData } {
  const el = document.createElement("div");
  document.body.appendChild(el);
  const data = dataset();
  const plane = drawPlane(el, data, { domain: [-3, 3], selected: 0 });
  return { el, plane, data };
}

/** The mark's position in viewBox px, from its consolidated transform. */
function translation(node: Element): [number, number] {
  const m = (node as SVGGraphicsElement).transform.baseVal.consolidate()?.matrix;
  return m ? [m.e, m.f] : [Number.NaN, Number.NaN];
}
function expectAt(node: Element | null, x: number, y: number, what: string): void {
  expect(node, what).not.toBeNull();
  const [tx, ty] = translation(node as Element);
  expect(Math.abs(tx - px(x)), `${what} x`).toBeLessThanOrEqual(0.01);
  expect(Math.abs(ty - py(y)), `${what} y`).toBeLessThanOrEqual(0.01);
}
const at = (m: Matrix, i: number): [number, number] => [m.data[i * 2], m.data[i * 2 + 1]];

function expectMarks(el: HTMLElement, data: PlaneData): void {
  const { points, outputs, arrows, mixing } = data as Required<PlaneData>;
  for (let i = 0; i < N; i++) {
    expectAt(el.querySelector(`.dw-token[data-index="${i}"]`), ...at(points, i), `token ${i}`);
    expectAt(el.querySelector(`.dw-output[data-index="${i}"]`), ...at(outputs, i), `output ${i}`);
    expectAt(el.querySelector(`.dw-value[data-index="${i}"]`), ...at(mixing.values, i), `value ${i}`);
    for (const kind of ["q", "k", "v"] as const) {
      const d = el.querySelector(`.dw-arrows-${kind} path[data-index="${i}"]`)?.getAttribute("d") ?? "";
      const [x1, y1, x2, y2] = (d.match(/-?[\d.]+/g) ?? []).map(Number);
      const [ax, ay] = at(points, i);
      const [vx, vy] = at(arrows[kind] as Matrix, i);
      expect(Math.abs(x1 - px(ax)) + Math.abs(y1 - py(ay)), `${kind} arrow ${i} start`).toBeLessThanOrEqual(
        0.01,
      );
      expect(
        Math.abs(x2 - px(ax + vx)) + Math.abs(y2 - py(ay + vy)),
        `${kind} arrow ${i} end`,
      ).toBeLessThanOrEqual(0.01);
    }
    const line = el.querySelector(`line.dw-mixing-line[data-index="${i}"]`) as SVGLineElement;
    const [ox, oy] = at(outputs, mixing.row);
    const [vx, vy] = at(mixing.values, i);
    expect(Math.abs(line.x1.baseVal.value - px(ox)) + Math.abs(line.y1.baseVal.value - py(oy))).toBeLessThan(
      0.01,
    );
    expect(Math.abs(line.x2.baseVal.value - px(vx)) + Math.abs(line.y2.baseVal.value - py(vy))).toBeLessThan(
      0.01,
    );
  }
}

/** Median and 95th percentile of `times` in ms. */
function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms`;
}
/** Times `step(k)` plus a forced layout, `count` times after a few warm-up runs. */
function time(el: HTMLElement, count: number, step: (k: number) => void, warmUp = 5): number[] {
  const svg = el.querySelector("svg") as SVGSVGElement;
  const times: number[] = [];
  for (let k = 0; k < count + warmUp; k++) {
    const t0 = performance.now();
    step(k);
    svg.getBoundingClientRect();
    if (k >= warmUp) times.push(performance.now() - t0);
  }
  return times;
}

describe("drawPlane with 64 tokens (Chromium)", () => {
  it("draws every mark where the scales put the data, after output and point updates", () => {
    const { el, plane, data } = mount();
    expectMarks(el, data);
    const outputsChanged = { ...data, outputs: nudged(data.outputs as Matrix, 9, 0.02) };
    plane.update(outputsChanged);
    expectMarks(el, outputsChanged);
    const moved = { ...outputsChanged, points: nudged(data.points, 11, 0.3, [7]) };
    plane.update(moved);
    expectMarks(el, moved);
    const everything = {
      ...moved,
      points: nudged(moved.points, 12, 0.2),
      arrows: { q: nudged(data.arrows?.q as Matrix, 13, 0.1), k: data.arrows?.k, v: data.arrows?.v },
      mixing: { row: 5, weights, values: nudged(data.mixing?.values as Matrix, 14, 0.1) },
    };
    plane.update(everything);
    expectMarks(el, everything);
  });

  it("times updates: (a) new outputs with small changes, (b) one token moved", () => {
    const { el, plane, data } = mount();
    const outputs = [nudged(data.outputs as Matrix, 21, 0.01), nudged(data.outputs as Matrix, 22, 0.01)];
    const a = time(el, 100, (k) => plane.update({ ...data, outputs: outputs[k % 2] }));
    const points = [nudged(data.points, 23, 0.05, [10]), nudged(data.points, 24, 0.05, [10])];
    const b = time(el, 100, (k) => plane.update({ ...data, outputs: outputs[1], points: points[k % 2] }));
    console.log(`plane update (a) outputs: ${summary(a)}; (b) one point: ${summary(b)}`);
    const final = { ...data, outputs: outputs[0], points: points[1] };
    plane.update(final);
    expectMarks(el, final);
  });

  it("times (c) an isolated update after a pause, which writes the accessible names at once", async () => {
    const { el, plane, data } = mount();
    const outputs = [nudged(data.outputs as Matrix, 25, 0.01), nudged(data.outputs as Matrix, 26, 0.01)];
    const times: number[] = [];
    for (let k = 0; k < 20; k++) {
      await new Promise((resolve) => setTimeout(resolve, 120)); // longer than a burst's gap
      times.push(...time(el, 1, () => plane.update({ ...data, outputs: outputs[k % 2] }), 0));
    }
    console.log(`plane update (c) after a pause: ${summary(times)}`);
    expect(el.querySelector('.dw-output[data-index="2"]')?.getAttribute("aria-label")).toMatch(
      /^attention output for tok2 at \(/,
    );
    expectMarks(el, { ...data, outputs: outputs[1] });
  });

  it("times a widget-like drag frame: pointer move, then update(points), then update(result)", () => {
    const { el, plane, data } = mount();
    const svg = el.querySelector("svg") as SVGSVGElement;
    const node = el.querySelector('.dw-token[data-index="10"]') as SVGGElement;
    const ctm = svg.getScreenCTM() as DOMMatrix;
    const client = (x: number, y: number) => new DOMPoint(px(x), py(y)).matrixTransform(ctm);
    const pointer = (type: string, x: number, y: number) => {
      const c = client(x, y);
      return new PointerEvent(type, { clientX: c.x, clientY: c.y, pointerId: 3, bubbles: true });
    };
    const [x0, y0] = at(data.points, 10);
    node.dispatchEvent(pointer("pointerdown", x0, y0));
    let last = data;
    const times = time(el, 100, (k) => {
      const x = x0 + 0.01 * (k + 1);
      node.dispatchEvent(pointer("pointermove", x, y0));
      const points = matrix(N, 2, Float64Array.from(data.points.data));
      points.data[20] = x;
      plane.update({ ...last, points });
      const result = {
        ...last,
        points,
        outputs: nudged(data.outputs as Matrix, 30 + k, 0.01),
        arrows: { ...data.arrows, q: nudged(data.arrows?.q as Matrix, 40 + k, 0.01, [10]) },
        mixing: {
          row: 0,
          weights: weights.map((w) => w * (1 + k * 1e-3)),
          values: data.mixing?.values as Matrix,
        },
      };
      plane.update(result);
      last = result;
    });
    node.dispatchEvent(pointer("pointerup", x0 + 0.01 * 65, y0));
    console.log(`plane drag frame (pointer move + 2 updates): ${summary(times)}`);
    expectMarks(el, last);
  });

  it("puts the first token, not the SVG, first in the tab order, and selects it on focus", async () => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    const selected: number[] = [];
    drawPlane(el, dataset(), { domain: [-3, 3], onSelect: (index) => selected.push(index) });
    await userEvent.tab();
    expect(document.activeElement).toBe(el.querySelector('.dw-token[data-index="0"]'));
    expect(selected).toEqual([0]);
  });
});
