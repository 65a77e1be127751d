import { cleanup, render } from "@testing-library/react";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { App } from "../../src/essay/App";
import "katex/dist/katex.min.css";
import "../../src/viz/palette.css";
import "../../src/viz/viz.css";
import "../../src/essay/theme.css";
import "../../src/essay/essay.css";

/** Waits until every lazily loaded figure on the page has drawn its first result. */
async function figuresReady(): Promise<void> {
  const deadline = performance.now() + 90_000;
  for (;;) {
    // Figures start near the viewport: bring each waiting one into view.
    document.querySelector(".figure-waiting")?.scrollIntoView();
    const loading = document.querySelectorAll(".figure-loading, .section-loading").length;
    // Panels that show a computed result (A and B of the MLP are parameters, drawn at once).
    const pending = [
      ...document.querySelectorAll<HTMLElement>('[data-kind="weights"], [data-kind="hidden"]'),
    ].filter((panel) => !panel.dataset.resultVersion).length;
    if (loading === 0 && pending === 0 && document.querySelector("[data-kind]")) return;
    if (performance.now() > deadline)
      throw new Error(`figures not ready: ${loading} loading, ${pending} pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the essay page is accessible (axe-core in Chromium)", () => {
  afterEach(() => {
    cleanup();
    localStorage.removeItem("dw-theme");
    document.documentElement.removeAttribute("data-theme");
  });

  it.each(["light", "dark"] as const)(
    "has no serious or critical violations in the %s theme",
    async (theme) => {
      localStorage.setItem("dw-theme", theme);
      render(<App />);
      expect(document.documentElement.dataset.theme).toBe(theme);
      await figuresReady();
      const results = await axe.run(document.body, { resultTypes: ["violations"] });
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
      expect(serious).toEqual([]);
    },
  );

  it("lets a keyboard alone reach a token in every widget and move it", async () => {
    render(<App />);
    await figuresReady();
    const widgets = [...document.querySelectorAll<HTMLElement>(".dw-widget")].filter((w) =>
      w.querySelector(".dw-plane .dw-token"),
    );
    expect(widgets.length).toBeGreaterThanOrEqual(5);
    for (const widget of widgets) {
      // Start from the first focusable control of the widget and use only Tab and arrow keys.
      const first = widget.querySelector<HTMLElement>("input, select, button, [tabindex='0']");
      first?.focus();
      let presses = 0;
      while (!(document.activeElement as Element | null)?.matches(".dw-plane .dw-token") && presses < 120) {
        await userEvent.tab();
        presses += 1;
      }
      const token = document.activeElement as SVGGElement;
      expect(widget.contains(token), `reached a token in #${widget.id} by Tab`).toBe(true);
      const before = token.getAttribute("transform");
      await userEvent.keyboard("{ArrowRight}");
      expect(token.getAttribute("transform"), `arrow key moved the token in #${widget.id}`).not.toBe(before);
    }
  });

  it("lets a keyboard alone reach a draggable point in every chart of Part II and move it", async () => {
    render(<App />);
    await figuresReady();
    const widgets = [...document.querySelectorAll<HTMLElement>(".dw-widget")].filter((w) =>
      w.querySelector(".dw-chart-handle"),
    );
    // The regression examples and the capacity figure's N.
    expect(widgets.length).toBeGreaterThanOrEqual(2);
    for (const widget of widgets) {
      const first = widget.querySelector<HTMLElement>("input, select, button, [tabindex='0']");
      first?.focus();
      let presses = 0;
      while (!(document.activeElement as Element | null)?.matches(".dw-chart-handle") && presses < 120) {
        await userEvent.tab();
        presses += 1;
      }
      const handle = document.activeElement as SVGGElement;
      expect(widget.contains(handle), `reached a draggable point in #${widget.id} by Tab`).toBe(true);
      expect(handle.getAttribute("aria-label"), `#${widget.id}'s point has a name`).toBeTruthy();
      const before = handle.getAttribute("aria-valuetext");
      await userEvent.keyboard("{ArrowRight}");
      await userEvent.keyboard("{ArrowUp}");
      const after = (document.activeElement as Element | null)?.getAttribute("aria-valuetext");
      expect(after, `arrow keys moved the point in #${widget.id}`).not.toBe(before);
    }
  });
});
