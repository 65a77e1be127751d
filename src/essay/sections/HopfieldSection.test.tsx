import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { HopfieldSection } from "./HopfieldSection";

// The widgets have their own tests; here the section's text and wiring are under test.
vi.mock("../../widgets/HopfieldMemory", () => ({
  HopfieldMemory: ({ id }: { id: string }) => <div data-testid="hopfield-memory" data-id={id} />,
}));
vi.mock("../../widgets/HopfieldCapacity", () => ({
  HopfieldCapacity: ({ id }: { id: string }) => <div data-testid="hopfield-capacity" data-id={id} />,
}));

describe("HopfieldSection", () => {
  it("is a landmark with both figures, a prediction prompt, and the papers it relies on cited", async () => {
    render(<HopfieldSection id="hopfield" title="Attention as associative memory" />);
    const section = screen.getByRole("region", { name: "Attention as associative memory" });
    expect(section.id).toBe("hopfield");
    expect((await screen.findByTestId("hopfield-memory")).dataset.id).toBe("hopfield-memory");
    expect((await screen.findByTestId("hopfield-capacity")).dataset.id).toBe("hopfield-capacity");
    expect(section.querySelector("details.predict summary")?.textContent).toMatch(/β at its lowest/);
    const cited = new Set(Array.from(section.querySelectorAll(".cite a"), (a) => a.getAttribute("href")));
    for (const id of [
      "hopfield1982",
      "amit1985",
      "krotov2016",
      "demircigil2017",
      "ramsauer2020",
      "schlag2021",
      "vonoswald2023",
    ]) {
      expect(cited, id).toContain(`#ref-${id}`);
    }
  });

  it("says what the equivalence does not show and ties Part II back to the discussion", () => {
    render(<HopfieldSection id="hopfield" title="Attention as associative memory" />);
    const text = screen.getByRole("region").textContent ?? "";
    expect(text).toMatch(/It does not show that a trained transformer uses its heads as clean memories/);
    expect(text).toMatch(/retrieval is not learning/);
    expect(text).toMatch(/not yet about language models/);
    expect(text).toMatch(/0\.14/);
  });
});
