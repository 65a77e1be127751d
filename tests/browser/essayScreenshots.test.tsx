import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import { App } from "../../src/essay/App";
import "katex/dist/katex.min.css";
import "../../src/viz/palette.css";
import "../../src/viz/viz.css";
import "../../src/essay/theme.css";
import "../../src/essay/essay.css";

/** Mounts every figure (they start near the viewport) and waits until each has a result. */
async function allFiguresDrawn(): Promise<void> {
  const deadline = performance.now() + 90_000;
  for (;;) {
    document.querySelector(".figure-waiting")?.scrollIntoView();
    const waiting = document.querySelectorAll(".figure-loading, .section-loading").length;
    const pending = [...document.querySelectorAll<HTMLElement>("[data-result-version]")].filter(
      (panel) => !panel.dataset.resultVersion,
    ).length;
    if (waiting === 0 && pending === 0) return;
    if (performance.now() > deadline)
      throw new Error(`figures not drawn: ${waiting} waiting, ${pending} pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/*
 * Writes full-page screenshots of the essay for review (not compared pixel by pixel):
 * screenshots/essay-360.png and screenshots/essay-1280.png, in light and dark.
 */
describe("essay screenshots for review", () => {
  afterEach(() => {
    cleanup();
    localStorage.removeItem("dw-theme");
  });

  it.each([
    [360, "light"],
    [1280, "light"],
    [360, "dark"],
    [1280, "dark"],
  ] as const)("writes the essay at %i px (%s)", async (width, theme) => {
    localStorage.setItem("dw-theme", theme);
    await page.viewport(width, 900);
    render(<App />);
    await allFiguresDrawn();
    window.scrollTo(0, 0);
    const path = await page.screenshot({
      path: `../../screenshots/essay-${width}-${theme}.png`,
      element: document.body,
    });
    expect(path).toMatch(new RegExp(`essay-${width}-${theme}\\.png$`));
    // Nothing may be wider than the phone: no sideways scrolling of the page itself.
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  });
});
