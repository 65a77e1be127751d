// Runs in the benchmark's Chromium page (bench.html): large-n attention on one backend, timed
// against the pure-TS reference (src/core) in the same page, so results read as ratios on a noisy
// machine. Built only for `npm run bench`.
import { attention } from "../../../src/core/attention";
import { matrix } from "../../../src/core/matrix";
import { createRng } from "../../../src/core/rng";
import { type BackendName, createEngine } from "../../../src/engine";

interface LargeBenchOptions {
  backend: BackendName;
  sizes: number[];
  d: number;
  iterations: number;
  /** Sizes at which the pure-TS reference is timed too (it is slow: O(n²·d) in JavaScript). */
  referenceSizes: number[];
  leakUpdates: number;
}

/** Past this, larger sizes are skipped on that backend (a software GPU takes seconds per update). */
const SLOW_UPDATE_MS = 5000;
const LEAK_BUDGET_MS = 90_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100;
};

function randomAttention(n: number, d: number, seed: number) {
  const rng = createRng(seed);
  const fill = (rows: number, cols: number, scale: number) =>
    matrix(
      rows,
      cols,
      Array.from({ length: rows * cols }, () => rng.normal() * scale),
    );
  const w = 1 / Math.sqrt(d);
  return { x: fill(n, d, 1), wq: fill(d, d, w), wk: fill(d, d, w), wv: fill(d, d, w) };
}

const view = (n: number) => ({
  rowStart: 0,
  colStart: 0,
  rows: n,
  cols: n,
  maxPixels: 256,
  pooling: "max" as const,
});

async function runLargeBench({
  backend,
  sizes,
  d,
  iterations,
  referenceSizes,
  leakUpdates,
}: LargeBenchOptions) {
  const engine = createEngine({ forced: backend });
  const info = await engine.start();
  const limit = engine.limits()[info.name];
  const results = [];
  let tooSlow: string | null = null;
  for (const n of sizes) {
    if (n > limit) {
      results.push({ n, skipped: `above the ${info.name} limit of ${limit}` });
      continue;
    }
    if (tooSlow) {
      results.push({ n, skipped: tooSlow });
      continue;
    }
    const params = (seed: number) => ({ attention: randomAttention(n, d, seed), view: view(n), row: 0 });
    // The first call at a new size compiles its kernels (GPU) and allocates: not counted.
    const first = await engine.largeAttention(params(0));
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      times.push((await engine.largeAttention(params(1 + i))).ms);
      // A software GPU can take seconds per update; a few samples are enough to say so.
      if (times[i] > SLOW_UPDATE_MS && times.length >= 2) break;
    }
    if (median(times) > SLOW_UPDATE_MS)
      tooSlow = `skipped: n = ${n} already took ${Math.round(median(times))} ms per update`;
    const memory = await engine.memory();
    // tf.profile's peak over one more update: the tensors held at once (scores, weights, pooling).
    const { peakBytes } = await engine.measureAttention(info.name, { n, dModel: d, dK: d }, 1);
    let referenceMs: number | null = null;
    if (referenceSizes.includes(n)) {
      const input = randomAttention(n, d, 99);
      const began = performance.now();
      attention(input);
      referenceMs = Math.round((performance.now() - began) * 100) / 100;
    }
    const ms = median(times);
    results.push({
      n,
      d,
      msPerUpdate: ms,
      referenceMs,
      referenceOverBackend: referenceMs === null ? null : Math.round((referenceMs / ms) * 100) / 100,
      bytesRead: first.bytesRead,
      peakTensorBytes: peakBytes ?? null,
      tensorBytesAfter: memory.numBytes,
    });
  }
  let leak = null;
  const leakN = sizes.find((n) => n === 1024 && n <= limit);
  const at1024 = results.find((r) => r.n === 1024 && "msPerUpdate" in r) as
    | { msPerUpdate: number }
    | undefined;
  if (leakN && leakUpdates > 0 && at1024) {
    // At most about a minute of updates: 1000 on a fast backend, fewer on a slow one (reported).
    const updates = Math.max(10, Math.min(leakUpdates, Math.floor(LEAK_BUDGET_MS / at1024.msPerUpdate)));
    const before = await engine.numTensors();
    for (let i = 0; i < updates; i++)
      await engine.largeAttention({
        attention: randomAttention(leakN, d, 500 + (i % 4)),
        view: view(leakN),
        row: null,
      });
    leak = { n: leakN, updates, tensorsGained: (await engine.numTensors()) - before };
  }
  return { backend: info.name, adapter: info.adapter, limit, results, leak };
}

Object.assign(window, { runLargeBench });
