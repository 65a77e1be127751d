// Runs in the benchmark's Chromium page (bench.html): compute-only time per attention update on
// one backend, and the tensors gained over many updates. Built only for `npm run bench`.
import { matrix } from "../../../src/core/matrix";
import { createRng } from "../../../src/core/rng";
import { type BackendName, createEngine } from "../../../src/engine";

interface ComputeBenchOptions {
  backend: BackendName;
  sizes: number[];
  iterations: number;
  leakUpdates: number;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
};

function randomParams(n: number, seed: number) {
  const rng = createRng(seed);
  const fill = (rows: number, cols: number) =>
    matrix(
      rows,
      cols,
      Array.from({ length: rows * cols }, () => rng.normal()),
    );
  return { x: fill(n, 2), wq: fill(2, 2), wk: fill(2, 2), wv: fill(2, 2) };
}

async function runComputeBench({ backend, sizes, iterations, leakUpdates }: ComputeBenchOptions) {
  const engine = createEngine({ forced: backend });
  const info = await engine.start();
  const compute = [];
  for (const n of sizes) {
    for (let warm = 0; warm < 3; warm++) await engine.attention(randomParams(n, warm));
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) times.push((await engine.attention(randomParams(n, 100 + i))).ms);
    compute.push({ n, computeMs: { p50: quantile(times, 0.5), p95: quantile(times, 0.95) } });
  }
  const before = await engine.numTensors();
  for (let i = 0; i < leakUpdates; i++) await engine.attention(randomParams(16, 1000 + i));
  const after = await engine.numTensors();
  return {
    backend: info.name,
    adapter: info.adapter,
    compute,
    leak: { updates: leakUpdates, tensorsGained: after - before },
  };
}

Object.assign(window, { runComputeBench });
