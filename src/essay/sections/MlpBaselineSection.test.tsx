import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { MlpBaselineSection } from "./MlpBaselineSection";

// The widget trains in a worker and has its own tests; here the section's text and wiring are under test.
vi.mock("../../widgets/MlpVersusAttention", () => ({
  MlpVersusAttention: ({ id }: { id: string }) => <div data-testid="mlp-versus-attention" data-id={id} />,
}));

const TITLE = "An MLP on the same tasks";

function renderSection() {
  render(<MlpBaselineSection id="mlp-baseline" title={TITLE} />);
  return screen.getByRole("region", { name: TITLE });
}

describe("Part III: an MLP on the same tasks", () => {
  it("is a landmark with the live figure, a prediction prompt and its sources cited", async () => {
    const section = renderSection();
    expect(section.id).toBe("mlp-baseline");
    expect((await screen.findByTestId("mlp-versus-attention")).dataset.id).toBe(
      "mlp-versus-attention-figure",
    );
    expect(section.querySelector("details.predict summary")?.textContent).toMatch(/inputs twice as large/);
    const cited = new Set(Array.from(section.querySelectorAll(".cite a"), (a) => a.getAttribute("href")));
    for (const id of ["hochreiter2001", "kirsch2022"]) {
      expect(cited, id).toContain(`#ref-${id}`);
    }
  });

  it("reports both shifts honestly, including the one the attention layer fails", () => {
    const text = renderSection().textContent ?? "";
    // The MLP's fixed input cannot take a longer context.
    expect(text).toMatch(/120 numbers/);
    expect(text).toMatch(/the eleventh example has nowhere to go/);
    // Doubled inputs: the learned step overshoots, with the exact numbers of a plain gradient step.
    expect(text).toMatch(/Here the attention layer fails/);
    expect(text).toMatch(/near 34/);
    expect(text).toMatch(/6\.67/);
    // Fair to the sceptic: attention is not claimed to be the only way.
    expect(text).toMatch(/It does not show that only attention can learn in its forward pass/);
  });

  it("typesets its equations without KaTeX errors", () => {
    const section = renderSection();
    expect(section.querySelectorAll(".math-display").length).toBe(2);
    expect(section.querySelector(".katex-error")).toBeNull();
  });
});
