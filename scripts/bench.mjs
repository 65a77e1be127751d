// npm run bench: builds the essay, serves it on loopback, and measures the budgets of DESIGN.md in
// the same headless Chromium (SwiftShader WebGPU flags) as the browser tests. Prints JSON.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright";
import { chromiumArgs, chromiumPath } from "../tests/chromium.mjs";
import { measureBundle } from "./bench/bundle.mjs";
import { measureDrag } from "./bench/drag.mjs";
import { measureLargeDrag } from "./bench/dragLarge.mjs";
import { measureRegressionDrag } from "./bench/dragRegression.mjs";
import { measureDragWhileTraining } from "./bench/dragWhileTraining.mjs";
import { mountAllFigures } from "./bench/figures.mjs";
import { serveStatic } from "./bench/serve.mjs";

const root = resolve(import.meta.dirname, "..");
const dist = resolve(root, "dist");
const backends = (process.env.BENCH_BACKENDS ?? "auto,webgpu,webgl,wasm,cpu").split(",");
const sizes = (process.env.BENCH_SIZES ?? "8,16,64").split(",").map(Number);
const moves = Number(process.env.BENCH_MOVES ?? 40);
const largeSizes = (process.env.BENCH_LARGE_SIZES ?? "256,1024,4096").split(",").map(Number);
const largeLeakUpdates = Number(process.env.BENCH_LARGE_LEAK_UPDATES ?? 1000);
const trainingExperiments = (process.env.BENCH_TRAINING ?? "gd,mlp,induction").split(",").filter(Boolean);
const trainingSeconds = Number(process.env.BENCH_TRAINING_SECONDS ?? 8);
// Full runs from scratch to the last step in the browser (WASM worker), for the final losses.
const fullTrainingBackend = process.env.BENCH_FULL_TRAINING ?? "wasm";

execFileSync("npx", ["vite", "build", "--logLevel", "error"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DW_BENCH_PAGE: "1" },
});
const bundle = measureBundle(dist);
const server = await serveStatic(dist);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
const drag = [];
const large = [];
const started = performance.now();
/** Progress on stderr (stdout is the JSON report). */
const progress = (step) =>
  console.error(`bench: ${step} (${Math.round((performance.now() - started) / 1000)} s)`);
let regressionDrag = null;
let largeDrag = null;
let dragWhileTraining = null;
const compute = [];
const training = [];
const fullTraining = [];
const leakUpdates = Number(process.env.BENCH_LEAK_UPDATES ?? 1000);
try {
  // Compute only: the engine alone on each backend, in a fresh page (tfjs has one backend a page).
  for (const backend of backends.filter((b) => b !== "auto")) {
    progress(`compute on ${backend}`);
    const page = await browser.newPage();
    await page.goto(`${server.url}bench.html`);
    await page.waitForFunction(() => "runComputeBench" in window);
    try {
      compute.push(
        await page.evaluate((options) => window.runComputeBench(options), {
          backend,
          sizes,
          iterations: 30,
          leakUpdates,
        }),
      );
    } catch (error) {
      compute.push({ backend, error: String(error) });
    }
    await page.close();
  }
  // Large n: time per update at n = 256, 1024, 4096 (d = 64) on each backend, with the pure-TS
  // reference timed in the same page, bytes read back, and a leak check at n = 1024.
  for (const backend of backends.filter((b) => b !== "auto")) {
    progress(`large n on ${backend}`);
    const page = await browser.newPage();
    await page.goto(`${server.url}bench.html`);
    await page.waitForFunction(() => "runLargeBench" in window);
    try {
      large.push(
        await page.evaluate((options) => window.runLargeBench(options), {
          backend,
          sizes: largeSizes,
          d: 64,
          iterations: 5,
          referenceSizes: largeSizes,
          // The CPU backend takes seconds per update at n = 1024; fewer updates still show a leak.
          leakUpdates: backend === "cpu" ? Math.min(50, largeLeakUpdates) : largeLeakUpdates,
        }),
      );
    } catch (error) {
      large.push({ backend, error: String(error) });
    }
    await page.close();
  }
  // Part III: training steps per second in the worker, per experiment and backend, with the page's
  // longest main-thread task meanwhile; and once on the page's thread (the fallback) for contrast.
  const trainingRuns = trainingExperiments.flatMap((experiment) => [
    ...backends.filter((b) => b !== "auto").map((backend) => ({ experiment, backend, inline: false })),
    ...(experiment === "gd" && backends.includes("wasm")
      ? [{ experiment, backend: "wasm", inline: true }]
      : []),
  ]);
  for (const run of trainingRuns) {
    progress(`training ${run.experiment} on ${run.backend}${run.inline ? " (page thread)" : ""}`);
    const page = await browser.newPage();
    await page.goto(`${server.url}bench.html`);
    await page.waitForFunction(() => "runTrainingBench" in window);
    try {
      training.push(
        await page.evaluate((options) => window.runTrainingBench(options), {
          ...run,
          seconds: trainingSeconds,
        }),
      );
    } catch (error) {
      training.push({ ...run, error: String(error) });
    }
    await page.close();
  }
  for (const experiment of fullTrainingBackend ? trainingExperiments : []) {
    progress(`full training run of ${experiment} on ${fullTrainingBackend}`);
    const page = await browser.newPage();
    await page.goto(`${server.url}bench.html`);
    await page.waitForFunction(() => "runFullTraining" in window);
    try {
      fullTraining.push(
        await page.evaluate((options) => window.runFullTraining(options), {
          experiment,
          backend: fullTrainingBackend,
        }),
      );
    } catch (error) {
      fullTraining.push({ experiment, error: String(error) });
    }
    await page.close();
  }
  for (const backend of backends) {
    for (const n of sizes) {
      progress(`drag on ${backend}, n = ${n}`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(backend === "auto" ? server.url : `${server.url}?backend=${backend}`);
      // Figures start when scrolled near; the first figure is the attention explorer.
      await page.locator("figure").first().scrollIntoViewIfNeeded();
      await page.locator(".dw-attention-explorer").first().waitFor({ timeout: 60_000 });
      try {
        // Every widget of the essay is mounted (and subscribed to its store and the engine) while
        // the first explorer is dragged: the budget holds with the whole page live.
        const figuresMounted = await mountAllFigures(page);
        drag.push({ requested: backend, figuresMounted, ...(await measureDrag(page, { n, moves })), errors });
      } catch (error) {
        drag.push({ requested: backend, n, error: String(error), errors });
      }
      await page.close();
    }
  }
  // Part II: dragging an example of the in-context regression figure, on the auto backend.
  if (backends.includes("auto")) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url);
      const figuresMounted = await mountAllFigures(page);
      regressionDrag = { figuresMounted, ...(await measureRegressionDrag(page, { moves })) };
    } catch (error) {
      regressionDrag = { error: String(error) };
    }
    await page.close();
  }
  // Part III: the induction figure trains (in its worker) while Part I's explorer is dragged.
  if (backends.includes("auto") && trainingExperiments.includes("induction")) {
    progress("drag while training");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url);
      const figuresMounted = await mountAllFigures(page);
      dragWhileTraining = { figuresMounted, ...(await measureDragWhileTraining(page, { n: 16, moves })) };
    } catch (error) {
      dragWhileTraining = { error: String(error) };
    }
    await page.close();
  }
  // Large n: dragging a cluster centre at n = 1024 on the auto backend.
  if (backends.includes("auto")) {
    progress("large-n drag");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url);
      const figuresMounted = await mountAllFigures(page);
      largeDrag = { figuresMounted, ...(await measureLargeDrag(page, { n: 1024, moves })) };
    } catch (error) {
      largeDrag = { error: String(error) };
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const auto = drag.filter((d) => d.requested === "auto" && d.eventToMatricesMs);
const report = {
  date: new Date().toISOString(),
  chromium: chromiumPath(),
  budgets: {
    dragP95Ms: 16,
    autoDragP95Ms: Math.max(...auto.map((d) => d.eventToMatricesMs.p95)),
    firstPaintJsGzipKiB: bundle.firstPaintJsGzipKiB,
    firstPaintBudgetKiB: 170,
    trainingLongestMainThreadTaskMs: Math.max(
      0,
      ...training.filter((t) => t.thread === "worker").map((t) => t.longestMainThreadTaskMs ?? 0),
    ),
    trainingLongTaskBudgetMs: 50,
    dragWhileTrainingP95Ms: dragWhileTraining?.eventToMatricesMs?.p95 ?? null,
    dragWhileTrainingLongestTaskMs: dragWhileTraining?.longestMainThreadTaskMs ?? null,
    tensorsGainedOver1000Updates: Object.fromEntries(
      compute.map((c) => [c.backend, c.leak?.tensorsGained ?? null]),
    ),
  },
  bundle,
  compute,
  large,
  training,
  fullTraining,
  drag,
  regressionDrag,
  dragWhileTraining,
  largeDrag,
};
mkdirSync(resolve(root, "bench-results"), { recursive: true });
writeFileSync(resolve(root, "bench-results", "latest.json"), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
