import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openPage, waitFor } from "./browser";

/*
 * A link to a changed figure reproduces its exact matrices in a fresh page: the essay writes the
 * explorer's state into its address, and that address (or the embed page at the same state)
 * computes the same numbers, bit for bit, on the same backend.
 */
const essayUrl = inject("essayUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ExplorerValue {
  tokens: string[];
  points: number[][];
  scores: number[][] | null;
  weights: number[][] | null;
}

/**
 * The explorer's value once a result has landed and stayed the same for a moment. In the essay a
 * figure mounts only near the viewport, so its section (`near`) is scrolled to first.
 */
async function settledValue(page: Page, selector: string, near = selector): Promise<ExplorerValue> {
  const read = () =>
    page.evaluate(
      (s) => (document.querySelector(s) as (HTMLElement & { value?: ExplorerValue }) | null)?.value,
      selector,
    );
  await page.locator(near).first().scrollIntoViewIfNeeded();
  await page.locator(selector).scrollIntoViewIfNeeded();
  return waitFor(`${selector}'s result`, async () => {
    const first = await read();
    if (!first?.weights) return undefined;
    await page.waitForTimeout(300);
    const second = await read();
    return JSON.stringify(first) === JSON.stringify(second) ? second : undefined;
  });
}

describe("a shared link", () => {
  it("reproduces the explorer's exact matrices in a fresh essay page and in the embed page", async () => {
    const first = await openPage(browser);
    await first.page.goto(`${essayUrl}?backend=cpu`);
    const original = await settledValue(first.page, "#explorer", "#attention");

    await first.page.locator("#explorer .dw-plane .dw-token").nth(1).focus();
    for (let i = 0; i < 3; i++) await first.page.keyboard.press("Shift+ArrowUp");
    const hash = await waitFor("the address to record the move", async () => {
      const h = await first.page.evaluate(() => location.hash);
      return /^#attention\/explorer\/v1;.*moved=1,/.test(h) ? h : undefined;
    });
    const moved = await settledValue(first.page, "#explorer", "#attention");
    expect(moved.points[1]).not.toEqual(original.points[1]);
    expect(moved.weights).not.toEqual(original.weights);
    const link = await first.page.evaluate(() => location.href);
    expect(new URL(link).search).toBe("?backend=cpu");

    const second = await openPage(browser);
    await second.page.goto(link);
    const restored = await settledValue(second.page, "#explorer", "#attention");
    expect(restored.tokens).toEqual(moved.tokens);
    expect(restored.points).toEqual(moved.points);
    expect(restored.scores).toEqual(moved.scores);
    expect(restored.weights).toEqual(moved.weights);

    const encoded = hash.slice("#attention/explorer/".length);
    const embedUrl = new URL("embed.html", essayUrl);
    embedUrl.search = new URLSearchParams({ widget: "attention", state: encoded, backend: "cpu" }).toString();
    await second.page.goto(embedUrl.href);
    const embedded = await settledValue(second.page, ".dw-embed .dw-widget");
    expect(embedded.points).toEqual(moved.points);
    expect(embedded.weights).toEqual(moved.weights);
    expect(embedded.scores).toEqual(moved.scores);
    // The embed's own link back opens the essay at the same state.
    const back = await second.page.getByRole("link", { name: /Open in the essay/ }).getAttribute("href");
    expect(back).toBe(`${essayUrl}#attention/explorer/${encoded}`);

    expect([...first.problems.errors, ...second.problems.errors]).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
