import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import type { Engine } from "../../engine";
import { EngineProvider } from "../../widgets/shared/EngineContext";
import { referenceAnchor } from "../references";
import { CostSection } from "./CostSection";

const SLOW = { timeout: 20_000 };

describe("What it costs", () => {
  it("explains the n²·d price with citations and shows both live figures, measuring nothing on load", async () => {
    let measured = 0;
    const core = createCoreEngine();
    const engine: Engine = {
      ...core,
      measureAttention(backend, work, repeats) {
        measured += 1;
        return core.measureAttention(backend, work, repeats);
      },
    };
    const { container } = render(
      <EngineProvider value={engine}>
        <CostSection id="cost" title="What it costs" />
      </EngineProvider>,
    );
    const section = screen.getByRole("region", { name: "What it costs" });
    expect(section.id).toBe("cost");
    for (const id of ["vaswani2017", "katharopoulos2020", "schlag2021"]) {
      expect(container.querySelector(`a[href="#${referenceAnchor(id)}"]`), id).not.toBeNull();
    }
    // The prose names the two regimes and where Part II changes the cost.
    expect(section.textContent).toMatch(/dispatch/);
    expect(section.textContent).toMatch(/copied back/);
    expect(section.textContent).toMatch(/Where linear attention changes the bill/);
    expect(container.querySelectorAll("figure")).toHaveLength(2);
    expect(container.querySelectorAll("details.predict")).toHaveLength(1);
    await waitFor(
      () => expect(container.querySelectorAll("#cost-large-attention .dw-pooled-frame")).toHaveLength(2),
      SLOW,
    );
    // The benchmark's code loads lazily: wait for its button, then check it has measured nothing.
    expect(await screen.findByRole("button", { name: "Measure on this device" }, SLOW)).not.toBeNull();
    expect(container.querySelector("#cost-benchmark progress")).toBeNull();
    expect(measured).toBe(0);
  });
});
