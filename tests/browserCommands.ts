import type { BrowserCommand } from "vitest/node";

/**
 * Server-side commands for browser tests. `pointerDrag` moves Playwright's real mouse (input
 * events from the browser's own input pipeline, not synthetic DOM events) from the centre of the
 * element matching `selector` by (dx, dy) CSS pixels in `steps` moves.
 */
const pointerDrag: BrowserCommand<[selector: string, dx: number, dy: number, steps?: number]> = async (
  context,
  selector,
  dx,
  dy,
  steps = 10,
) => {
  if (context.provider.name !== "playwright") throw new Error("pointerDrag needs the playwright provider");
  const { page, iframe } = context as unknown as {
    page: import("playwright").Page;
    iframe: import("playwright").FrameLocator;
  };
  const target = iframe.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`pointerDrag: nothing visible matches ${selector}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps });
  await page.mouse.up();
};

export const browserCommands = { pointerDrag };

declare module "vitest/browser" {
  interface BrowserCommands {
    pointerDrag(selector: string, dx: number, dy: number, steps?: number): Promise<void>;
  }
}
