import type { Browser, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openPage, type PageProblems, waitFor } from "./browser";

/*
 * The embed page on its own: whatever its address holds it shows a figure or a message (as text),
 * and it takes nothing from the page around it.
 */
const essayUrl = inject("essayUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const embed = (query: Record<string, string>) =>
  `${new URL("embed.html", essayUrl).href}?${new URLSearchParams({ backend: "cpu", ...query })}`;

interface AttentionValue {
  tokens: string[];
  weights: number[][] | null;
  scores: number[][] | null;
}

/** The embedded explorer's published value once its first result has landed. */
const explorerValue = (page: Page) =>
  waitFor("the explorer's first result", () =>
    page.evaluate(() => {
      const figure = document.querySelector(".dw-embed .dw-widget") as
        | (HTMLElement & { value?: unknown })
        | null;
      const value = figure?.value as { weights: unknown } | undefined;
      return value?.weights ? (value as unknown as AttentionValue) : undefined;
    }),
  );

async function open(url: string): Promise<{ page: Page; problems: PageProblems; close(): Promise<void> }> {
  const { context, page, problems } = await openPage(browser);
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

describe("embed.html", () => {
  it("names an unknown widget and lists the real ones, as text", async () => {
    const { page, problems, close } = await open(embed({ widget: "nonsense<b>" }));
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("There is no figure called “nonsense<b>”");
    expect(await alert.textContent()).toMatch(/can be embedded are: .*attention/);
    expect(await page.locator("b").count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await close();
  });

  it("says what is missing when the address names no widget", async () => {
    const { page, close } = await open(embed({}));
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("No figure was named");
    await close();
  });

  it("refuses an oversized state with a message and shows the figure at its defaults", async () => {
    const state = `v1;text=${"a%20".repeat(5000)}`;
    expect(state.length).toBeGreaterThanOrEqual(20_000);
    const { page, problems, close } = await open(embed({ widget: "attention", state }));
    const value = await explorerValue(page);
    expect(value.tokens.join(" ")).toBe("the cat sat on the mat because it was tired");
    expect(await page.locator(".dw-share-restored").textContent()).toMatch(/too long \(20,00\d characters/);
    expect(problems.errors).toEqual([]);
    await close();
  });

  it("shows markup in a token as text: no element made, no script run", async () => {
    const text = "the <img src=x onerror=alert(1)> cat";
    const state = `v1;text=${encodeURIComponent(text)}`;
    const { page, problems, close } = await open(embed({ widget: "attention", state }));
    const value = await explorerValue(page);
    expect(value.tokens.join("")).toBe("the<imgsrc=xonerror=alert(1)>cat");
    const labels = await page.locator(".dw-plane .dw-token text").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["<", "img", "onerror", ">"]));
    expect(await page.locator("img").count()).toBe(0);
    // The link back to the essay carries the same text, percent-encoded inside the address.
    const href = (await page.getByRole("link", { name: /Open in the essay/ }).getAttribute("href")) ?? "";
    expect(decodeURIComponent(new URL(href).hash)).toContain(text);
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await close();
  });

  it("pins the theme from the address, and says so when the theme is not one it knows", async () => {
    const dark = await open(embed({ widget: "attention", theme: "dark" }));
    expect(await dark.page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await dark.close();
    const odd = await open(embed({ widget: "attention", theme: "purple" }));
    await expect.poll(() => odd.page.getByRole("status").first().textContent()).toContain("Ignored theme");
    expect(await odd.page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await odd.close();
  });

  it("adds no message listener, and junk posted to it changes nothing", async () => {
    const { page, problems, close } = await open(embed({ widget: "attention" }));
    const before = await explorerValue(page);
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send("Runtime.evaluate", { expression: "window" });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", {
      objectId: result.objectId as string,
    });
    expect(listeners.filter((listener) => listener.type === "message")).toEqual([]);

    await page.evaluate(() => {
      const junk = [
        "alert(1)",
        { type: "dynamic-weights:height", version: 1, widget: "attention", height: 5 },
        { type: "dynamic-weights:state", state: "v1;text=hijacked" },
        { __proto__: { polluted: true } },
      ];
      for (const data of junk) window.postMessage(data, "*");
    });
    await page.waitForTimeout(400);
    expect(await explorerValue(page)).toEqual(before);
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await close();
  });
});
