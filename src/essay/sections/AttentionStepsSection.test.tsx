import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AttentionStepsSection } from "./AttentionStepsSection";

// The widgets have their own tests; here the section's text and wiring are under test.
vi.mock("../../widgets/AttentionExplorer", () => ({
  AttentionExplorer: ({
    id,
    initialText,
    stepByStep,
  }: {
    id: string;
    initialText?: string;
    stepByStep?: boolean;
  }) => (
    <div
      data-testid="attention-explorer"
      data-id={id}
      data-initial-text={initialText}
      data-steps={String(stepByStep)}
    />
  ),
}));
vi.mock("../../widgets/TwoHeads", () => ({
  TwoHeads: ({ id, initialText }: { id: string; initialText?: string }) => (
    <div data-testid="two-heads" data-id={id} data-initial-text={initialText} />
  ),
}));

describe("AttentionStepsSection", () => {
  it("is a landmark named by its heading, with the step-by-step explorer, two heads and a prompt", async () => {
    render(<AttentionStepsSection id="attention-steps" title="Attention, step by step" />);
    const section = screen.getByRole("region", { name: "Attention, step by step" });
    expect(section.id).toBe("attention-steps");
    const explorer = await screen.findByTestId("attention-explorer");
    expect(explorer.dataset.id).toBe("attention-steps-explorer");
    expect(explorer.dataset.steps).toBe("true");
    const heads = await screen.findByTestId("two-heads");
    expect(heads.dataset.id).toBe("two-heads");
    expect(section.querySelector("details.predict summary")?.textContent).toMatch(/each column/);
    const cited = Array.from(section.querySelectorAll(".cite a"), (a) => a.getAttribute("href"));
    expect(cited).toEqual(expect.arrayContaining(["#ref-vaswani2017", "#ref-clark2019"]));
    // The claims the section's figures test: rows are convex combinations; masks are −∞ before softmax.
    expect(section.textContent).toMatch(/convex hull/);
    expect(section.textContent).toMatch(/NaN/);
  });
});
