import { type Browser, type BrowserContext, chromium, type Page } from "playwright";
import { chromiumArgs, chromiumPath } from "../chromium.mjs";

/** Debian's Chromium (or $CHROMIUM_PATH) with the same flags as the browser test project. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/** What went wrong in a page while a test ran: uncaught errors, console errors, dialogs (alert). */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
}

/** A fresh page (own context: storage, caches) that records errors and dismisses any dialog. */
export async function openPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on("pageerror", (error) => problems.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.errors.push(message.text());
  });
  page.on("dialog", (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, problems };
}

/** Polls `check` until it returns a value that is not undefined, or fails with `what` after `timeout` ms. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeout = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
