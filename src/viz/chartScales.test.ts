import { describe, expect, it } from "vitest";
import { fittedSize } from "./chart";
import { formatLogTick, yDomainOf } from "./chartScales";
import type { ChartData } from "./chartTypes";

describe("chart scales", () => {
  const data = (points: [number, number][], log = false): ChartData => ({
    title: "t",
    x: { label: "x", domain: [0, 10] },
    y: { label: "y", log },
    series: [{ id: "s", label: "s", colour: "ink", kind: "line", points }],
  });

  it("pads the data's y range and rounds it out to nice numbers", () => {
    expect(
      yDomainOf(
        data([
          [0, 0.31],
          [1, 0.87],
        ]),
        [],
      ),
    ).toEqual([0.25, 0.9]);
    expect(yDomainOf(data([[0, 5]]), [])).toEqual([4.5, 5.5]);
    expect(yDomainOf(data([[0, 0]]), [])).toEqual([-1, 1]);
    expect(yDomainOf(data([]), [])).toEqual([0, 1]);
    // Handles count too, so one dragged above the data stays in view.
    expect(
      yDomainOf(
        data([
          [0, 0.31],
          [1, 0.87],
        ]),
        [[2, 3]],
      ),
    ).toEqual([0, 3.5]);
  });

  it("on a log axis ignores y ≤ 0 and snaps to powers of ten", () => {
    expect(
      yDomainOf(
        data(
          [
            [0, 0.02],
            [1, 0],
            [2, -1],
            [3, 3],
          ],
          true,
        ),
        [],
      ),
    ).toEqual([0.01, 10]);
    expect(yDomainOf(data([], true), [])).toEqual([1, 10]);
    expect(
      yDomainOf({ ...data([[0, 0.5]], true), y: { label: "y", log: true, domain: [0, 1] } }, []),
    ).toEqual([0.1, 1]);
  });

  it("formats log ticks as plain decimals near 1 and as powers of ten beyond", () => {
    expect([1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000, 2e-5].map(formatLogTick)).toEqual([
      "1e-4",
      "1e-3",
      "0.01",
      "0.1",
      "1",
      "10",
      "100",
      "1e3",
      "2e-5",
    ]);
  });
});

describe("fittedSize", () => {
  it("keeps the requested size in a wide container and narrows (height to at least 75%) in a narrow one", () => {
    expect(fittedSize(480, 300, null)).toEqual([480, 300]);
    expect(fittedSize(480, 300, 800)).toEqual([480, 300]);
    expect(fittedSize(480, 300, 400)).toEqual([400, 250]);
    expect(fittedSize(480, 300, 320)).toEqual([320, 225]);
    expect(fittedSize(480, 300, 100)).toEqual([280, 225]);
  });
});
