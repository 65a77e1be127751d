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
  const progressText = () => figure.locator('[data-readout="progress"]').textContent();
  const stepOf = async () => {
    const [, step, total] = /step (\d+) \/ (\d+)/.exec((await progressText()) ?? "") ?? [];
    return { step: Number(step), total: Number(total) };
  };
  const started = Date.now();
  // Wait until the worker has taken real steps of the new run (the checkpoint shows step 1000 / 1000).
  for (;;) {
    const { step, total } = await stepOf();
    if (step >= 3 && step < total) break;
    if (Date.now() - started > 120_000) throw new Error(`training did not start: ${await progressText()}`);
    await page.waitForTimeout(250);
  }
  const before = { step: await page.$eval("#induction-heads .dw-ih", (el) => el.value?.step ?? Number.NaN) };
  await page.evaluate(() => {
    const seen = [];
    window.__dwLongTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const drag = await measureDrag(page, { n, moves });
  const longTasks = await page.evaluate(() => window.__dwLongTasks);
  const after = { step: await page.$eval("#induction-heads .dw-ih", (el) => el.value?.step ?? Number.NaN) };
  await figure.getByRole("button", { name: "Pause" }).click();
  return {
    ...drag,
    training: "induction",
    trainingStepsDuringDrag: after.step - before.step,
    longestMainThreadTaskMs: Math.round(Math.max(0, ...longTasks)),
    longTasks: longTasks.length,
  };
}
