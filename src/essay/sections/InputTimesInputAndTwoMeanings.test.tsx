import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { EngineProvider } from "../../widgets/shared/EngineContext";
import { referenceAnchor } from "../references";
import { InputTimesInputSection } from "./InputTimesInputSection";
import { TwoMeaningsSection } from "./TwoMeaningsSection";

const SLOW = { timeout: 20_000 };

describe("section 5: multiplying the input by itself", () => {
  it("is a landmark named by its heading, with a predict prompt and the live bilinear figure", async () => {
    const { container } = render(
      <InputTimesInputSection id="input-times-input" title="Multiplying the input by itself" />,
    );
    const section = screen.getByRole("region", { name: "Multiplying the input by itself" });
    expect(section.id).toBe("input-times-input");
    expect(container.querySelector("details.predict summary")?.textContent).toMatch(/neither i nor j/);
    await waitFor(
      () => expect(container.querySelector("#bilinear-score [data-table='score-terms']")).not.toBeNull(),
      SLOW,
    );
    expect(section.textContent).toMatch(/transpose/i);
  });
});

describe("section 6: two meanings of weight", () => {
  it("shows the many-inputs figure, cites both Part II papers, and offers the claim check", async () => {
    const { container } = render(
      <EngineProvider value={createCoreEngine()}>
        <TwoMeaningsSection id="two-meanings" title="Two meanings of weight" />
      </EngineProvider>,
    );
    const section = screen.getByRole("region", { name: "Two meanings of weight" });
    expect(section.id).toBe("two-meanings");
    for (const id of ["schlag2021", "vonoswald2023"]) {
      expect(container.querySelector(`a[href="#${referenceAnchor(id)}"]`)).not.toBeNull();
    }
    await waitFor(
      () =>
        expect(
          container.querySelectorAll("#two-meanings-figure .dw-two-thumbnail [data-row]").length,
        ).toBeGreaterThan(0),
      SLOW,
    );
    await waitFor(
      () => expect(container.querySelectorAll("#two-meanings-claims [data-claim]").length).toBe(4),
      SLOW,
    );
  });
});
