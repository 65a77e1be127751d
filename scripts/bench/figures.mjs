// Mounts every figure of the essay before a drag is measured: figures start only when scrolled
// near, so without this the drag would run on a page holding one widget instead of all of them.

/** Scrolls each figure into view until all have loaded and drawn a first result; returns how many mounted. */
export async function mountAllFigures(page, { timeoutMs = 180_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  // Part II and later load as their own chunk: wait for their prose (and so their figures) first.
  await page.waitForFunction(() => document.querySelectorAll(".section-loading").length === 0, null, {
    timeout: timeoutMs,
  });
  const count = await page.locator("figure.figure").count();
  for (let i = 0; i < count; i++) {
    await page.locator("figure.figure").nth(i).scrollIntoViewIfNeeded();
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(
    () => document.querySelectorAll("figure.figure .figure-loading").length === 0,
    null,
    {
      timeout: Math.max(1000, deadline - Date.now()),
    },
  );
  // And until each figure has drawn its first result: a figure still starting up (the large-n one
  // measures every backend for its first update) would otherwise compete with the measured drag.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("[data-result-version]")].every((panel) => panel.dataset.resultVersion) &&
      document.querySelector(".dw-large .dw-large-update[data-backend]") !== null,
    null,
    { timeout: Math.max(1000, deadline - Date.now()) },
  );
  // Part III's figures start their training workers (tfjs, the checkpoint, a first evaluation) when
  // scrolled near, and their code may have arrived after the first pass scrolled by: visit each
  // again and wait until all show their checkpoint, so start-up does not compete with the drag.
  const training = page.locator("figure.figure:has(.dw-training-progress)");
  for (let i = 0; i < (await training.count()); i++) {
    await training.nth(i).scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.dw-training-progress [data-readout="source"]')].every(
        (line) => !/^Loading/.test(line.textContent ?? ""),
      ),
    null,
    { timeout: Math.max(1000, deadline - Date.now()) },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  return count;
}
