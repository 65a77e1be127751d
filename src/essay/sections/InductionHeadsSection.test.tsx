import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { InductionHeadsSection } from "./InductionHeadsSection";

// The widget trains in a worker and has its own tests; here the section's text and wiring are under test.
vi.mock("../../widgets/InductionHeads", () => ({
  InductionHeads: ({ id }: { id: string }) => <div data-testid="induction-heads" data-id={id} />,
}));

const TITLE = "Induction heads: copying from the context";

function renderSection() {
  render(<InductionHeadsSection id="induction-heads" title={TITLE} />);
  return screen.getByRole("region", { name: TITLE });
}

describe("Part III: induction heads", () => {
  it("is a landmark with the live figure, a prediction prompt and its sources cited", async () => {
    const section = renderSection();
    expect(section.id).toBe("induction-heads");
    expect((await screen.findByTestId("induction-heads")).dataset.id).toBe("induction-heads-figure");
    expect(section.querySelector("details.predict summary")?.textContent).toMatch(/heads’ maps/);
    const cited = new Set(Array.from(section.querySelectorAll(".cite a"), (a) => a.getAttribute("href")));
    for (const id of ["elhage2021", "olsson2022", "vonoswald2023"]) {
      expect(cited, id).toContain(`#ref-${id}`);
    }
  });

  it("explains the two-head circuit, invites the reader's own sequence, and closes Part III with its limits", () => {
    const section = renderSection();
    const text = section.textContent ?? "";
    expect(text).toMatch(/previous-token head/);
    expect(text).toMatch(/K-composition/);
    expect(text).toMatch(/A transformer with a single attention layer has no such key/);
    expect(section.querySelector("kbd")?.textContent).toBe("dance dance");
    // Olsson et al.'s evidence about large models is correlational, and the summary keeps both sides.
    expect(text).toMatch(/only correlational for large models/);
    expect(Array.from(section.querySelectorAll("h3"), (h) => h.textContent)).toContain(
      "Part III in one paragraph",
    );
    expect(text).toMatch(/keeps the sceptic’s distinction intact/);
    expect(text).toMatch(/does not show that large language models work this way/);
  });

  it("typesets its equations without KaTeX errors", () => {
    const section = renderSection();
    expect(section.querySelectorAll(".math-display").length).toBe(2);
    expect(section.querySelector(".katex-error")).toBeNull();
  });
});
