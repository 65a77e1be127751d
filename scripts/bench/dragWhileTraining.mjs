// Part III's promise: training never freezes the page. The induction figure trains in its Web
// Worker while the first explorer is dragged (the same measure as drag.mjs), and a long-task
// observer records the page's longest main-thread task meanwhile.
import { measureDrag } from "./drag.mjs";

const FIGURE = "#induction-heads figure";

/** Starts training in the induction figure, drags Part I's explorer at `n` tokens, then pauses. */
export async function measureDragWhileTraining(page, { n = 16, moves = 40 } = {}) {
  const figure = page.locator(FIGURE).first();
  await figure.scrollIntoViewIfNeeded();
  await figure.getByRole("button", { name: "Train from scratch" }).click();
  const stepOf = () => figure.locator('[data-readout="progress"]').textContent();
  const started = Date.now();
  // Wait until the worker has taken real steps ("step 3 / 1000 · …").
  while (!/step ([1-9]\d*) /.test((await stepOf()) ?? "")) {
    if (Date.now() - started > 120_000) throw new Error(`training did not start: ${await stepOf()}`);
    await page.waitForTimeout(250);
  }
  const before = await stepOf();
  await page.evaluate(() => {
    const seen = [];
    window.__dwLongTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const drag = await measureDrag(page, { n, moves });
  const longTasks = await page.evaluate(() => window.__dwLongTasks);
  const after = await stepOf();
  await figure.getByRole("button", { name: "Pause" }).click();
  const step = (text) => Number(/step (\d+)/.exec(text ?? "")?.[1] ?? Number.NaN);
  return {
    ...drag,
    training: "induction",
    trainingStepsDuringDrag: step(after) - step(before),
    longestMainThreadTaskMs: Math.round(Math.max(0, ...longTasks)),
    longTasks: longTasks.length,
  };
}
