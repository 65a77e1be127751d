import { afterEach, describe, expect, it, vi } from "vitest";
import { drawChart } from "./chart";
import {
  base,
  client,
  drawnAt,
  handle,
  key,
  loss,
  mount,
  placeSvg,
  pointer,
  px,
  py,
  texts,
} from "./chartTestKit";
import type { ChartData } from "./chartTypes";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("drawChart: handles", () => {
  it("is a named, focusable slider whose value text gives x and y", () => {
    const el = mount();
    drawChart(el, base);
    const h = handle(el);
    expect(h.getAttribute("role")).toBe("slider");
    expect(h.getAttribute("tabindex")).toBe("0");
    expect(h.getAttribute("aria-label")).toBe("context size N");
    expect(h.getAttribute("aria-valuetext")).toBe("x = 3, y = 0.50");
    const [tx, ty] = drawnAt(h);
    expect(tx).toBeCloseTo(px(3), 1);
    expect(ty).toBeCloseTo(py(0.5), 1);
  });

  it("moves with arrow keys by step (Shift ×5), clamped to the domains, sending move then end", () => {
    const el = mount();
    const onHandleDrag = vi.fn();
    drawChart(el, base, { onHandleDrag, step: 0.1 });
    const h = handle(el);
    h.dispatchEvent(key("ArrowUp"));
    expect(onHandleDrag.mock.calls).toEqual([
      [0, [3, 0.6], "move"],
      [0, [3, 0.6], "end"],
    ]);
    expect(onHandleDrag.mock.calls[0][1][1]).toBeCloseTo(0.6, 12);
    onHandleDrag.mockClear();
    // Integer x axis: a step of 0.1 rounds up to one whole step; Shift makes it 5.
    h.dispatchEvent(key("ArrowRight", true));
    expect(onHandleDrag).toHaveBeenLastCalledWith(0, [8, expect.closeTo(0.6, 9)], "end");
    h.dispatchEvent(key("ArrowRight", true));
    expect(onHandleDrag).toHaveBeenLastCalledWith(0, [10, expect.closeTo(0.6, 9)], "end");
    h.dispatchEvent(key("ArrowUp", true));
    expect(onHandleDrag).toHaveBeenLastCalledWith(0, [10, 1], "end");
    // A caller that ignores onHandleDrag still sees the handle where the reader left it.
    expect(drawnAt(h)[0]).toBeCloseTo(px(10), 1);
    expect(h.getAttribute("aria-valuetext")).toBe("x = 10, y = 1.00");
  });

  it("follows a pointer drag with the grab offset kept and clamped moves", () => {
    const el = mount();
    const onHandleDrag = vi.fn();
    drawChart(el, { ...base, x: { label: "x", domain: [0, 10] } }, { onHandleDrag });
    placeSvg(el);
    const h = handle(el);
    // Grab 0.1 to the right of the handle's centre: the handle must not jump to the finger.
    h.dispatchEvent(pointer("pointerdown", client(3.1, 0.5)));
    expect(onHandleDrag).toHaveBeenLastCalledWith(0, [3, 0.5], "start");
    h.dispatchEvent(pointer("pointermove", client(5.1, 0.25)));
    const [, [x, y], phase] = onHandleDrag.mock.lastCall ?? [];
    expect(phase).toBe("move");
    expect(x).toBeCloseTo(5, 6);
    expect(y).toBeCloseTo(0.25, 6);
    expect(drawnAt(h)[0]).toBeCloseTo(px(5), 1);
    h.dispatchEvent(pointer("pointermove", client(50, 3)));
    expect(onHandleDrag).toHaveBeenLastCalledWith(0, [10, 1], "move");
    h.dispatchEvent(pointer("pointerup", client(50, 3)));
    expect(onHandleDrag).toHaveBeenLastCalledWith(0, [10, 1], "end");
  });

  it("snaps a dragged handle to whole numbers on an integer x axis", () => {
    const el = mount();
    const onHandleDrag = vi.fn();
    drawChart(el, base, { onHandleDrag });
    placeSvg(el);
    const h = handle(el);
    h.dispatchEvent(pointer("pointerdown", client(3, 0.5)));
    h.dispatchEvent(pointer("pointermove", client(6.4, 0.5)));
    expect(onHandleDrag.mock.lastCall?.[1][0]).toBe(6);
  });

  it("keeps the dragged handle and the domains when a stale update arrives mid-drag", () => {
    const el = mount();
    const onHandleDrag = vi.fn();
    const auto: ChartData = { ...base, x: { label: "x", domain: [0, 10] }, y: { label: "loss" } };
    const chart = drawChart(el, auto, { onHandleDrag });
    placeSvg(el);
    const ticksBefore = texts(el, "text.dw-chart-tick-y");
    const h = handle(el);
    const start = drawnAt(h);
    h.dispatchEvent(pointer("pointerdown", { clientX: 10 + start[0], clientY: 20 + start[1] }));
    h.dispatchEvent(pointer("pointermove", { clientX: 10 + start[0] + 80, clientY: 20 + start[1] }));
    const moved = drawnAt(h);
    expect(moved[0]).toBeCloseTo(start[0] + 80, 0);
    // The engine answers late with the old handle position and data far outside the old range.
    chart.update({
      ...auto,
      series: [
        {
          ...loss,
          points: [
            [0, 50],
            [4, 60],
          ],
        },
      ],
    });
    expect(drawnAt(h)).toEqual(moved);
    expect(texts(el, "text.dw-chart-tick-y")).toEqual(ticksBefore);
    h.dispatchEvent(pointer("pointerup", { clientX: 10 + start[0] + 80, clientY: 20 + start[1] }));
    // Once the caller applies the move, its data is drawn again and the domains refit.
    const [, [x, y]] = onHandleDrag.mock.lastCall ?? [];
    chart.update({
      ...auto,
      handles: [{ ...(base.handles ?? [])[0], x, y }],
      series: [
        {
          ...loss,
          points: [
            [0, 50],
            [4, 60],
          ],
        },
      ],
    });
    expect(texts(el, "text.dw-chart-tick-y")).not.toEqual(ticksBefore);
  });

  it("shows the nearest point of each series under the pointer, and at a focused handle", () => {
    const el = mount();
    drawChart(el, base);
    placeSvg(el);
    const svg = el.querySelector("svg") as SVGSVGElement;
    const readout = el.querySelector(".dw-chart-readout") as HTMLElement;
    expect(readout.textContent).toBe("");
    svg.dispatchEvent(pointer("pointermove", client(1.2, 0.5)));
    expect(readout.textContent).toBe("x = 1 · training loss 0.70");
    svg.dispatchEvent(pointer("pointermove", client(6, 0.5)));
    expect(readout.textContent).toBe("x = 6 · training loss 0.30 (at x = 4)");
    svg.dispatchEvent(new PointerEvent("pointerleave"));
    expect(readout.textContent).toBe("");
    handle(el).focus();
    expect(readout.textContent).toBe("context size N: x = 3, y = 0.50 · training loss 0.40");
    handle(el).blur();
    expect(readout.textContent).toBe("");
  });
});
