import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Sidenote } from "./Sidenote";

describe("Sidenote", () => {
  it("is a note tied to its marker, which opens and closes it in place on narrow screens", () => {
    render(
      <p>
        A claim.<Sidenote>The evidence.</Sidenote>
      </p>,
    );
    const marker = screen.getByRole("button", { name: /Margin note/ });
    const note = screen.getByRole("note");
    expect(note.textContent).toBe("The evidence.");
    expect(marker.getAttribute("aria-controls")).toBe(note.id);
    expect(marker.getAttribute("aria-expanded")).toBe("false");
    expect(note.classList.contains("sidenote-open")).toBe(false);
    fireEvent.click(marker);
    expect(marker.getAttribute("aria-expanded")).toBe("true");
    expect(note.classList.contains("sidenote-open")).toBe(true);
    fireEvent.click(marker);
    expect(note.classList.contains("sidenote-open")).toBe(false);
  });
});
