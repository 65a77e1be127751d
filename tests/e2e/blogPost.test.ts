import type { Browser, BrowserContext, Locator, Page } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openPage, type PageProblems, waitFor } from "./browser";

/*
 * examples/blog-post/ on origin B embeds the built essay from origin A, as iframes and as `dw-*`
 * elements. The elements compute on WASM (forced by the post's address), so the .wasm binaries
 * too are fetched across origins.
 */
const essayOrigin = new URL(inject("essayUrl")).origin;
const postUrl = `${inject("blogUrl")}blog-post/?backend=wasm`;
const WIDGETS_IN_POST = ["attention", "mlp", "side-by-side"];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, page, problems } = await openPage(browser));
  // Every message the post receives, to check the iframes' height reports.
  await page.addInitScript(() => {
    const seen: { origin: string; data: unknown }[] = [];
    Object.defineProperty(window, "__messages", { value: seen });
    window.addEventListener("message", (event) => seen.push({ origin: event.origin, data: event.data }));
  });
  await page.goto(postUrl);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Whether `value` is a non-empty matrix of numbers (number[][]). */
const isMatrix = (value: unknown) =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((row) => Array.isArray(row) && row.every((x) => typeof x === "number"));

/** An element's `.value` once it holds a computed matrix. */
const elementValue = (element: Locator) =>
  waitFor("an element's computed matrices", async () => {
    const value = await element.evaluate((el) => (el as HTMLElement & { value?: unknown }).value);
    return value && Object.values(value).some(isMatrix) ? (value as Record<string, unknown>) : undefined;
  });

describe("the example blog post on another origin", () => {
  it("shows each iframe at the height of its content, from the figure's own height reports", async () => {
    const iframes = page.locator("iframe[data-dw-embed]");
    expect(await iframes.count()).toBe(WIDGETS_IN_POST.length);
    for (let i = 0; i < WIDGETS_IN_POST.length; i++) {
      const iframe = iframes.nth(i);
      await iframe.scrollIntoViewIfNeeded(); // the snippet's iframes load lazily
      const frame = await waitFor(`iframe ${i + 1} (${WIDGETS_IN_POST[i]}) to show its figure`, async () => {
        const f = await (await iframe.elementHandle())?.contentFrame();
        return f && (await f.locator(".dw-widget").count()) > 0 ? f : undefined;
      });
      expect(new URL(frame.url()).origin).toBe(essayOrigin);
      await waitFor(`iframe ${i + 1} (${WIDGETS_IN_POST[i]}) to fit its content`, async () => {
        const outer = (await iframe.boundingBox())?.height ?? 0;
        const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
        return outer > 200 && Math.abs(outer - inner) <= 3 ? true : undefined;
      });
    }
    const reports = await page.evaluate(
      () =>
        (window as unknown as { __messages: { origin: string; data: { type?: string; widget?: string } }[] })
          .__messages,
    );
    const fromEssay = reports.filter(
      (m) => m.origin === essayOrigin && m.data?.type === "dynamic-weights:height",
    );
    expect(new Set(fromEssay.map((m) => m.data.widget))).toEqual(new Set(WIDGETS_IN_POST));
  });

  it("renders every element in its own shadow root, with matrices in .value, and leaves the page's <head> alone", async () => {
    const elements = page.locator("dw-attention, dw-mlp, dw-side-by-side");
    expect(await elements.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const element = elements.nth(i);
      const tag = await element.evaluate((el) => el.localName);
      expect(
        await page.evaluate((name) => customElements.get(name) !== undefined, tag),
        `${tag} is defined`,
      ).toBe(true);
      await element.scrollIntoViewIfNeeded();
      const value = await elementValue(element);
      expect(Object.values(value).some(isMatrix)).toBe(true);
      const inside = await element.evaluate((el) => ({
        widgets: el.shadowRoot?.querySelectorAll(".dw-widget").length ?? 0,
        inLightDom: el.querySelectorAll(".dw-widget").length,
        state: (el as HTMLElement & { state?: string }).state,
        stylesheet: el.shadowRoot?.querySelector("link[rel=stylesheet]")?.getAttribute("href") ?? "",
      }));
      expect(inside.widgets).toBe(1);
      expect(inside.inLightDom).toBe(0);
      expect(inside.state).toMatch(/^v1/);
      expect(inside.stylesheet).toBe(new URL("/elements/dw-elements.css", essayOrigin).href);
      // The post asked for WASM: its binary came across origins too.
      expect(await element.locator(".dw-badge").first().getAttribute("data-backend")).toBe("wasm");
    }
    // The bundle added no style, stylesheet or preload to the blogger's page: only the post's own <style>.
    const head = await page.evaluate(
      () => document.head.querySelectorAll("style, link:not([rel=icon])").length,
    );
    expect(head).toBe(1);
  });

  it("moves a token in one element with the keyboard: its .value changes and fires input; the other's does not", async () => {
    const first = page.locator("dw-attention").nth(0);
    const second = page.locator("dw-attention").nth(1);
    const before = { first: await elementValue(first), second: await elementValue(second) };
    await first.evaluate((el) => {
      const counts = { host: 0, document: 0 };
      Object.defineProperty(window, "__inputs", { value: counts });
      el.addEventListener("input", () => counts.host++);
      // The element's input does not bubble; the widget's own does not cross the shadow root.
      document.addEventListener("input", () => counts.document++);
    });

    await first.locator(".dw-plane .dw-token").first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowRight");

    const after = await waitFor("the first element's weights to change", async () => {
      const value = await elementValue(first);
      return JSON.stringify(value.weights) !== JSON.stringify(before.first.weights) ? value : undefined;
    });
    expect(after.points).not.toEqual(before.first.points);
    expect(await elementValue(second)).toEqual(before.second);
    const counts = await page.evaluate(
      () => (window as unknown as { __inputs: { host: number; document: number } }).__inputs,
    );
    expect(counts.host).toBeGreaterThan(0);
    expect(counts.document).toBe(0);
    // `.state` follows the reader once their changes settle (300 ms).
    await waitFor("the first element's state to record the move", async () => {
      const state = await first.evaluate((el) => (el as HTMLElement & { state: string }).state);
      return state.includes("moved=") ? state : undefined;
    });
  });

  it("restarts an element from new attributes, and shows attribute problems and markup as text", async () => {
    const second = page.locator("dw-attention").nth(1);
    await second.evaluate((el) => {
      el.setAttribute("text", "the <img src=x onerror=alert(1)> cat");
      el.setAttribute("causal", "maybe");
    });
    const value = await waitFor("the second element to restart from its new text", async () => {
      const v = await elementValue(second);
      return (v.tokens as string[]).includes("img") ? v : undefined;
    });
    expect((value.tokens as string[]).join("")).toBe("the<imgsrc=xonerror=alert(1)>cat");
    expect(await second.locator(".dw-element-messages").textContent()).toContain("causal");
    expect(await second.evaluate((el) => el.shadowRoot?.querySelectorAll("img").length)).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(problems.dialogs).toEqual([]);
  });

  it("ran without errors on the page", () => {
    expect(problems.errors).toEqual([]);
  });
});
