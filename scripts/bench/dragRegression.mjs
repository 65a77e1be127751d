// Drag latency in Part II: Playwright's mouse drags an example of the in-context regression
// figure while a probe times each pointer event to the frame that draws the attention layer's
// new predictions (the engine's result), with every figure of the essay mounted.

const PANEL = ".dw-icr-chart";

const quantile = (values, q) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
};

function installProbe(panelSelector) {
  const panel = document.querySelector(panelSelector);
  const probe = { handler: 0, predictions: [] };
  window.__dwRegressionProbe = probe;
  document.addEventListener("pointermove", () => (probe.handler = performance.now()), { capture: true });
  new MutationObserver(() => {
    const { handler } = probe;
    requestAnimationFrame(() => probe.predictions.push({ handler, drawn: performance.now() }));
  }).observe(panel, { attributes: true, attributeFilter: ["data-result-version"] });
}

const versionOf = (page) => page.$eval(PANEL, (el) => Number(el.dataset.resultVersion || 0));

/** Drags the first example up and down in `moves` steps, waiting for each new prediction. */
export async function measureRegressionDrag(page, { moves = 40 } = {}) {
  const panel = page.locator(PANEL).first();
  await panel.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => Number(document.querySelector(sel)?.dataset.resultVersion || 0) > 0,
    PANEL,
    {
      timeout: 120_000,
    },
  );
  await page.evaluate(installProbe, PANEL);
  const dot = page.locator(`${PANEL} .dw-chart-handle-dot`).first();
  const box = await dot.boundingBox();
  if (!box) throw new Error("bench: regression example not visible");
  const x = box.x + box.width / 2;
  let y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < moves; i++) {
    const before = await versionOf(page);
    y += i % 20 < 10 ? 2 : -2;
    await page.mouse.move(x, y);
    await page.waitForFunction(
      ([sel, v]) =>
        Number(document.querySelector(sel).dataset.resultVersion || 0) > v &&
        window.__dwRegressionProbe.predictions.length > 0,
      [PANEL, before],
      { timeout: 60_000 },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await page.mouse.up();
  const probe = await page.evaluate(() => window.__dwRegressionProbe);
  const samples = probe.predictions.filter((p) => p.handler > 0).map((p) => p.drawn - p.handler);
  const backend = await page.$eval("#gradient-descent .dw-badge", (el) => el.dataset.backend);
  return {
    backend,
    samples: samples.length,
    eventToPredictionsMs: { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) },
  };
}
