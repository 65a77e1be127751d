import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { LearnedGradientDescentSection } from "./LearnedGradientDescentSection";

// The widget trains in a worker and has its own tests; here the section's text and wiring are under test.
vi.mock("../../widgets/TrainedGradientDescent", () => ({
  TrainedGradientDescent: ({ id }: { id: string }) => (
    <div data-testid="trained-gradient-descent" data-id={id} />
  ),
}));

const TITLE = "A trained layer finds gradient descent";

function renderSection() {
  render(<LearnedGradientDescentSection id="learned-gradient-descent" title={TITLE} />);
  return screen.getByRole("region", { name: TITLE });
}

describe("Part III: a trained layer finds gradient descent", () => {
  it("is a landmark with the live figure, a prediction prompt and its sources cited", async () => {
    const section = renderSection();
    expect(section.id).toBe("learned-gradient-descent");
    expect((await screen.findByTestId("trained-gradient-descent")).dataset.id).toBe("learned-gd-figure");
    expect(section.querySelector("figure figcaption")?.textContent).toMatch(/pretrained checkpoint/);
    expect(section.querySelector("details.predict summary")?.textContent).toMatch(/learning rate/);
    const cited = new Set(Array.from(section.querySelectorAll(".cite a"), (a) => a.getAttribute("href")));
    for (const id of ["brown2020", "kingma2015", "vonoswald2023", "ahn2023"]) {
      expect(cited, id).toContain(`#ref-${id}`);
    }
  });

  it("answers the discussion's demand in the sceptic's terms and names the two reference losses", () => {
    const text = renderSection().textContent ?? "";
    // The two loops of the sceptic's definition of meta-learning, and frozen parameters at test time.
    expect(text).toMatch(/outer loop/);
    expect(text).toMatch(/inner loop/);
    expect(text).toMatch(/parameters are frozen/);
    // The reference lines the loss is read against.
    expect(text).toMatch(/1\.52/);
    expect(text).toMatch(/0\.82/);
    // Its limits are said, not left to the reader.
    expect(text).toMatch(/It is also a modest result/);
    expect(text).toMatch(/nothing says how a language model uses its prompt/);
  });

  it("typesets its equations without KaTeX errors", () => {
    const section = renderSection();
    expect(section.querySelectorAll(".math-display").length).toBe(3);
    expect(section.querySelector(".katex-error")).toBeNull();
  });
});
