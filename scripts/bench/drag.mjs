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

/**
 * Installs the in-page probe. For each pointermove it notes the event's timestamp (when the
 * browser took the input) and when our handler ran; for the dragged point and for the weights
 * heatmap it notes the animation frame in which the change was drawn (the rAF timestamp is the
 * same for every callback of one frame, so equal timestamps mean "drawn in the same frame").
 */
function installProbe() {
  const panel = document.querySelector('.dw-attention-explorer [data-kind="weights"]');
  const probe = { input: 0, handler: 0, matrices: [], point: [], compute: [] };
  window.__dwProbe = probe;
  document.addEventListener(
    "pointermove",
    (event) => {
      probe.input = event.timeStamp;
      probe.handler = performance.now();
    },
    { capture: true },
  );
  const frameOf = (list, extra) => {
    const { input, handler } = probe;
    requestAnimationFrame((frame) =>
      list.push({ input, handler, frame, drawn: performance.now(), ...extra }),
    );
  };
  new MutationObserver(() => frameOf(probe.matrices, { computeMs: Number(panel.dataset.computeMs) })).observe(
    panel,
    { attributes: true, attributeFilter: ["data-result-version"] },
  );
  const tokens = document.querySelector(".dw-attention-explorer .dw-plane .dw-tokens");
  new MutationObserver(() => frameOf(probe.point, {})).observe(tokens, {
    attributes: true,
    subtree: true,
    attributeFilter: ["transform"],
  });
}

const versionOf = (page) =>
  page.$eval('.dw-attention-explorer [data-kind="weights"]', (el) => Number(el.dataset.resultVersion || 0));

/** Types an n-token sentence, then drags a token in `moves` steps, one result at a time. */
export async function measureDrag(page, { n, moves = 40 }) {
  const input = page.getByLabel("Your sentence").first();
  await input.fill(sentence(n));
  await page.waitForFunction(
    (count) =>
      // The first explorer's cells only: with every figure mounted, other explorers have cells too.
      document
        .querySelector('.dw-attention-explorer [data-kind="weights"]')
        .querySelectorAll("[data-row][data-col]").length ===
      count * count,
    n,
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
  const stats = (values) => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95) });
  const pointFrames = new Map(probe.point.map((p) => [p.handler, p.frame]));
  const matrices = probe.matrices.filter((m) => m.handler > 0);
  return {
    n,
    backend,
    samples: matrices.length,
    // Pointer event dispatched to our handler → the frame that paints the new matrices: the budget.
    eventToMatricesMs: stats(matrices.map((m) => m.drawn - m.handler)),
    // The same from the input's own timestamp: adds the browser's input queueing, outside our code.
    inputToMatricesMs: stats(matrices.map((m) => m.drawn - m.input)),
    eventToPointMs: stats(probe.point.map((p) => p.drawn - p.handler)),
    matricesInPointsFrame:
      Math.round(
        (matrices.filter((m) => pointFrames.get(m.handler) === m.frame).length /
          Math.max(1, matrices.length)) *
          100,
      ) / 100,
    computeMs: stats(matrices.map((m) => m.computeMs)),
  };
}
