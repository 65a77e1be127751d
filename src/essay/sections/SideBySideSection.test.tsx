import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SideBySideSection } from "./SideBySideSection";

// The widget has its own tests; here the section's text and wiring are under test.
vi.mock("../../widgets/SideBySide", () => ({
  SideBySide: ({ id, initialText }: { id: string; initialText?: string }) => (
    <div data-testid="side-by-side" data-id={id} data-initial-text={initialText} />
  ),
}));

describe("SideBySideSection", () => {
  it("is a landmark named by its heading, with a predict-then-reveal prompt and the live widget", async () => {
    render(<SideBySideSection id="side-by-side" title="Side by side" />);
    const section = screen.getByRole("region", { name: "Side by side" });
    expect(section.id).toBe("side-by-side");
    const prompt = section.querySelector("details.predict summary");
    expect(prompt?.textContent).toMatch(/drag “cat”\. Which model’s output for “the” moves\?/i);
    const widget = await screen.findByTestId("side-by-side");
    expect(widget.dataset.id).toBe("side-by-side-explorer");
    expect(widget.dataset.initialText).toBe("the cat sat on the mat");
    expect(section.querySelector(".cite a")?.getAttribute("href")).toBe("#ref-vaswani2017");
    // Fair to the MLP: its output depends on its own input too.
    expect(section.textContent).toMatch(/Its output also depends on its input/);
  });
});
