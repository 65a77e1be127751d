// Drag latency in the real essay page: Playwright's mouse drags one token while a probe in the
// page times each pointer event to the animation frame in which the new weights are drawn.

const WORDS = "the cat sat on the mat because it was tired and the dog ran to the park".split(" ");
const sentence = (n) =>
  Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length] + (i >= WORDS.length ? i : "")).join(" ");

const quantile = (values, q) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
};

/** Installs the in-page probe: pointermove timestamps and the frames the results were drawn in. */
function installProbe() {
  const panel = document.querySelector('.dw-attention-explorer [data-kind="weights"]');
  const probe = { lastMove: 0, matrices: [], point: [], compute: [] };
  window.__dwProbe = probe;
  document.addEventListener(
    "pointermove",
    (event) => {
      probe.lastMove = event.timeStamp;
    },
    { capture: true },
  );
  new MutationObserver(() => {
    const moved = probe.lastMove;
    const ms = Number(panel.dataset.computeMs);
    requestAnimationFrame(() => {
      probe.matrices.push(performance.now() - moved);
      probe.compute.push(ms);
    });
  }).observe(panel, { attributes: true, attributeFilter: ["data-result-version"] });
  const tokens = document.querySelector(".dw-attention-explorer .dw-plane .dw-tokens");
  new MutationObserver(() => {
    const moved = probe.lastMove;
    requestAnimationFrame(() => probe.point.push(performance.now() - moved));
  }).observe(tokens, { attributes: true, subtree: true, attributeFilter: ["transform"] });
}

const versionOf = (page) =>
  page.$eval('.dw-attention-explorer [data-kind="weights"]', (el) => Number(el.dataset.resultVersion || 0));

/** Types an n-token sentence, then drags a token in `moves` steps, one result at a time. */
export async function measureDrag(page, { n, moves = 40 }) {
  const input = page.getByLabel("Your sentence").first();
  await input.fill(sentence(n));
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('.dw-attention-explorer [data-kind="weights"] [data-row][data-col]')
        .length ===
      count * count,
    n * n,
    { timeout: 120_000 },
  );
  await page.evaluate(installProbe);
  const token = page.locator(".dw-attention-explorer .dw-plane .dw-token").nth(Math.min(1, n - 1));
  await token.scrollIntoViewIfNeeded();
  const box = await token.boundingBox();
  if (!box) throw new Error("bench: token not visible");
  let x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < moves; i++) {
    const before = await versionOf(page);
    x += i % 20 < 10 ? 3 : -3;
    await page.mouse.move(x, y);
    await page.waitForFunction(
      (v) => {
        const el = document.querySelector('.dw-attention-explorer [data-kind="weights"]');
        return Number(el.dataset.resultVersion || 0) > v && window.__dwProbe.matrices.length > 0;
      },
      before,
      { timeout: 60_000 },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await page.mouse.up();
  const probe = await page.evaluate(() => window.__dwProbe);
  const backend = await page.$eval(".dw-attention-explorer .dw-badge", (el) => el.dataset.backend);
  return {
    n,
    backend,
    samples: probe.matrices.length,
    dragToMatricesMs: { p50: quantile(probe.matrices, 0.5), p95: quantile(probe.matrices, 0.95) },
    dragToPointMs: { p50: quantile(probe.point, 0.5), p95: quantile(probe.point, 0.95) },
    computeMs: { p50: quantile(probe.compute, 0.5), p95: quantile(probe.compute, 0.95) },
  };
}
