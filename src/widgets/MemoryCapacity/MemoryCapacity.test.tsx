import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createCapacityStore } from "../../state/capacityStore";
import { type CapacityFigureValue, MemoryCapacityView } from "./MemoryCapacity";

type FigureElement = HTMLElement & { value: CapacityFigureValue };

function renderFigure(id = "capacity", props: Parameters<typeof createCapacityStore>[0] = {}) {
  const view = render(<MemoryCapacityView id={id} store={createCapacityStore(props)} />);
  return () => view.container.querySelector(`#${id}`) as FigureElement;
}

describe("MemoryCapacity", () => {
  it("plots both rules against N with a marker at N = d; recall is perfect up to d, not beyond", () => {
    const root = renderFigure("capacity", { dimension: 8, count: 8 });
    const value = root().value;
    expect(value.sum).toHaveLength(24);
    expect(Math.max(...value.sum.slice(0, 8), ...value.delta.slice(0, 8))).toBeLessThan(1e-9);
    expect(value.sum[8]).toBeGreaterThan(0.05);
    const chart = root().querySelector('[data-kind="capacity-chart"]') as HTMLElement;
    expect(chart.querySelector("svg")).not.toBeNull();
    expect(chart.textContent).toMatch(/N = d = 8/);
    expect(chart.textContent).toMatch(/sum rule/);
    expect(chart.textContent).toMatch(/delta rule/);
    expect(root().querySelector('[data-readout="errors"]')?.textContent).toMatch(/0\.00.*0\.00/);
  });

  it("the N slider and the chart's handle move N; arrow keys on the handle step by one", async () => {
    const user = userEvent.setup();
    const root = renderFigure("capacity", { dimension: 4, count: 4 });
    fireEvent.change(screen.getByLabelText(/Stored associations N =/, { selector: "input" }), {
      target: { value: "10" },
    });
    expect(root().value.count).toBe(10);
    expect(root().value.sumError).toBe(root().value.sum[9]);
    const handle = within(root()).getByRole("slider", { name: /N, the number stored/ });
    handle.focus();
    await user.keyboard("{ArrowRight}");
    expect(root().value.count).toBe(11);
    expect(screen.getByText(/more than d = 4/)).toBeTruthy();
  });

  it("d, key kind and seed change the curves; a bad seed is kept in the box and explained", async () => {
    const user = userEvent.setup();
    const root = renderFigure();
    const before = root().value;
    await user.selectOptions(screen.getByLabelText("Dimensions d"), "16");
    expect(root().value.sum).toHaveLength(48);
    await user.click(screen.getByRole("radio", { name: /independent random/ }));
    expect(root().value.keyKind).toBe("random");
    // Random keys overlap, so the sum rule errs before N = d.
    expect(root().value.sum[7]).toBeGreaterThan(0.1);
    await user.click(screen.getByRole("button", { name: "New sample" }));
    expect(root().value.seed).toBe(before.seed + 1);
    const seed = screen.getByLabelText("Seed");
    await user.clear(seed);
    await user.type(seed, "1e");
    expect(screen.getByRole("alert").textContent).toMatch(/whole number/);
    expect(root().value.seed).toBe(1);
  });
});
