import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createOverwriteStore } from "../../state/overwriteStore";
import { MemoryOverwriteView, type OverwriteFigureValue } from "./MemoryOverwrite";

type FigureElement = HTMLElement & { value: OverwriteFigureValue };

function renderDemo(id = "overwrite") {
  const view = render(<MemoryOverwriteView id={id} store={createOverwriteStore()} />);
  return () => view.container.querySelector(`#${id}`) as FigureElement;
}

const cellText = (root: HTMLElement, step: number, rule: string) =>
  root.querySelector(`[data-step="${step}"] [data-rule="${rule}"]`)?.textContent;

describe("MemoryOverwrite", () => {
  it("reads e1 as a + c under the sum rule and as c under the delta rule, side by side", () => {
    const root = renderDemo();
    const { values, sumReads, deltaReads } = root().value;
    expect(sumReads[2]).toEqual([values.a[0] + values.c[0], values.a[1] + values.c[1]]);
    expect(deltaReads[2]).toEqual(values.c);
    // Before the third write both rules agree: e1 holds a.
    expect(sumReads[1]).toEqual(values.a);
    expect(deltaReads[1]).toEqual(values.a);
    expect(cellText(root(), 2, "sum")).toBe("(4, 1)");
    expect(cellText(root(), 2, "delta")).toBe("(3, −1)");
    expect(root().querySelector('[data-readout="verdict"]')?.textContent).toMatch(/which is c/);
  });

  it("editing c by keyboard changes both reads; a non-number is kept in the box and explained", async () => {
    const user = userEvent.setup();
    const root = renderDemo();
    const box = screen.getByLabelText("c, entry 1");
    await user.clear(box);
    await user.type(box, "-2");
    expect(root().value.deltaReads[2]).toEqual([-2, -1]);
    expect(root().value.sumReads[2]).toEqual([-1, 1]);
    await user.clear(box);
    await user.type(box, "x");
    expect(screen.getByRole("alert").textContent).toMatch(/not a number/);
    expect((box as HTMLInputElement).value).toBe("x");
    expect(root().value.values.c[0]).toBe(-2);
  });

  it("β below 1 replaces only part of the old value, and the preset 'c undoes a' empties e1 for the sum rule", () => {
    const root = renderDemo();
    fireEvent.change(screen.getByLabelText(/β =/), { target: { value: "0.5" } });
    expect(root().value.deltaReads[2]).toEqual([1.75, 0]);
    expect(root().querySelector('[data-readout="verdict"]')?.textContent).toMatch(/only part/);
    fireEvent.change(screen.getByLabelText("Values"), { target: { value: "undo" } });
    expect(root().value.sumReads[2]).toEqual([0, 0]);
  });

  it("two demos on one page do not interfere", () => {
    const first = renderDemo("first");
    const second = renderDemo("second");
    fireEvent.change(within(first()).getByLabelText(/β =/), { target: { value: "0" } });
    expect(first().value.beta).toBe(0);
    expect(second().value.beta).toBe(1);
  });
});
