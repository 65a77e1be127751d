import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { EngineProvider } from "../../widgets/shared/EngineContext";
import { referenceAnchor } from "../references";
import { GradientDescentSection } from "./GradientDescentSection";

const SLOW = { timeout: 20_000 };

describe("Part II: one layer, one step of gradient descent", () => {
  it("is a landmark with predict prompts, the live figure, and citations for both sides", async () => {
    const { container } = render(
      <EngineProvider value={createCoreEngine()}>
        <GradientDescentSection id="gradient-descent" title="One layer, one step of gradient descent" />
      </EngineProvider>,
    );
    const section = screen.getByRole("region", { name: "One layer, one step of gradient descent" });
    expect(section.id).toBe("gradient-descent");
    const prompts = Array.from(container.querySelectorAll("details.predict summary"), (s) => s.textContent);
    expect(prompts).toEqual([
      expect.stringMatching(/W_K, W_Q, W_V and P/),
      expect.stringMatching(/As K grows/),
    ]);
    for (const id of ["vonoswald2023", "garg2022", "akyurek2023"]) {
      expect(container.querySelector(`a[href="#${referenceAnchor(id)}"]`), id).not.toBeNull();
    }
    // The limits of the result are said, not left to the reader.
    expect(section.textContent).toMatch(/exact only for linear self-attention/);
    expect(section.textContent).toMatch(/constructed, not learned/);
    await waitFor(() => {
      const shown = container.querySelector<HTMLElement>(
        '#gradient-descent-figure [data-readout="max-difference"]',
      );
      expect(shown?.dataset.value).not.toBe("");
      expect(Number(shown?.dataset.value)).toBeLessThan(1e-12);
    }, SLOW);
  });
});
