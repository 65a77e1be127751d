import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { SeedField } from "./SeedField";

function Host({ initial }: { initial: number }) {
  const [seed, setSeed] = useState(initial);
  return (
    <>
      <SeedField seed={seed} setSeed={setSeed} nextLabel="New sample" />
      <output data-testid="seed">{seed}</output>
    </>
  );
}

describe("SeedField", () => {
  it("passes whole numbers to the store and keeps anything else in the box with a message", () => {
    render(<Host initial={3} />);
    const box = screen.getByLabelText("Seed") as HTMLInputElement;
    fireEvent.change(box, { target: { value: "42" } });
    expect(screen.getByTestId("seed").textContent).toBe("42");
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.change(box, { target: { value: "4.5🙂" } });
    expect(box.value).toBe("4.5🙂");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toMatch(/keeps seed 42/);
    expect(screen.getByTestId("seed").textContent).toBe("42");
  });

  it("draws the next seed with its button and shows it in the box", () => {
    render(<Host initial={7} />);
    fireEvent.click(screen.getByRole("button", { name: "New sample" }));
    expect(screen.getByTestId("seed").textContent).toBe("8");
    expect((screen.getByLabelText("Seed") as HTMLInputElement).value).toBe("8");
  });
});
