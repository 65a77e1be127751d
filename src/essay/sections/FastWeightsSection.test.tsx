import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { EngineProvider } from "../../widgets/shared/EngineContext";
import { referenceAnchor } from "../references";
import { FastWeightsSection } from "./FastWeightsSection";

const SLOW = { timeout: 20_000 };

describe("Part II, section 1: linear attention is a fast weight memory", () => {
  it("opens Part II, cites by author and year, and shows all three live figures", async () => {
    const { container } = render(
      <EngineProvider value={createCoreEngine()}>
        <FastWeightsSection id="fast-weights" title="Linear attention is a fast weight memory" />
      </EngineProvider>,
    );
    const section = screen.getByRole("region", { name: "Linear attention is a fast weight memory" });
    expect(section.id).toBe("fast-weights");
    expect(section.textContent).toMatch(/Part II/);
    for (const id of ["schlag2021", "katharopoulos2020", "schmidhuber1992", "ba2016", "vaswani2017"]) {
      expect(container.querySelector(`a[href="#${referenceAnchor(id)}"]`), id).not.toBeNull();
    }
    // Says what the equivalence does not show.
    expect(section.textContent).toMatch(/does not show/);
    expect(container.querySelectorAll("details.predict")).toHaveLength(3);
    await waitFor(
      () =>
        expect(
          container
            .querySelector('#fast-weights-player [data-readout="difference"]')
            ?.getAttribute("data-value"),
        ).not.toBe(""),
      SLOW,
    );
    await waitFor(
      () => expect(container.querySelector("#fast-weights-overwrite table")).not.toBeNull(),
      SLOW,
    );
    await waitFor(() => expect(container.querySelector("#fast-weights-capacity svg")).not.toBeNull(), SLOW);
  });
});
