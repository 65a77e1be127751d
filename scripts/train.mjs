#!/usr/bin/env node
/*
 * Trains one of Part III's experiments in Node and writes its checkpoint:
 *
 *   node scripts/train.mjs <gd|mlp|induction> [--steps N] [--batch B] [--lr α] [--seed S]
 *                          [--option name=value ...] [--backend wasm|cpu] [--log every] [--out path|-]
 *
 * With no flags it trains with the experiment's defaults (the same run a reader starts in the
 * page) on tfjs's WASM backend (falling back to the CPU backend), prints the loss curve, the
 * evaluation and the snapshot, and writes public/checkpoints/<id>.json: the parameters as the
 * shortest decimals that read back as the same float32s, the history thinned to ≤ 300 points.
 * `--out -` trains and reports without writing (for trying settings).
 *
 * Our TypeScript modules are loaded through Vite's module runner (`runnerImport`), so the script
 * runs the very code the page runs, with no build step and no extra dependency.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { runnerImport } from "vite";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const HISTORY_POINTS = 300;

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/train.mjs <experiment> [--steps N] [--batch B] [--lr α] [--seed S]`,
  );
  console.error("       [--option name=value ...] [--backend wasm|cpu] [--log every] [--out path|-]");
  process.exit(2);
}

function parseArgs(argv) {
  const [id, ...rest] = argv;
  if (!id || id.startsWith("--")) usage("Name an experiment.");
  const args = { id, overrides: { options: {} }, backend: "wasm", log: 0, out: null };
  const number = (flag, text) => {
    const value = Number(text);
    if (text === undefined || !Number.isFinite(value)) usage(`${flag} needs a number, got ${text}`);
    return value;
  };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === "--steps") args.overrides.steps = number(flag, value);
    else if (flag === "--batch") args.overrides.batchSize = number(flag, value);
    else if (flag === "--lr") args.overrides.learningRate = number(flag, value);
    else if (flag === "--seed") args.overrides.seed = number(flag, value);
    else if (flag === "--option") {
      const [name, text] = String(value).split("=");
      args.overrides.options[name] = number(flag, text);
    } else if (flag === "--backend") args.backend = value;
    else if (flag === "--log") args.log = number(flag, value);
    else if (flag === "--out") args.out = value;
    else usage(`Unknown flag ${flag}`);
  }
  return args;
}

async function load(path, inlineConfig = {}) {
  const { module } = await runnerImport(resolve(root, path), {
    root,
    configFile: false,
    logLevel: "error",
    ...inlineConfig,
  });
  return module;
}

/**
 * tfjs-core registers no gradients by itself, and its register_all_gradients module is ESM with
 * extensionless imports that Node cannot resolve, so Vite's runner transforms it (a few seconds).
 * The registry is global, so the gradients serve the tfjs-core instance imported above.
 */
async function registerGradients() {
  await load("node_modules/@tensorflow/tfjs-core/dist/register_all_gradients.js", {
    ssr: { noExternal: ["@tensorflow/tfjs-core"] },
  });
}

async function startBackend(name) {
  for (const candidate of [name, "cpu"]) {
    try {
      if (await tf.setBackend(candidate)) {
        await tf.ready();
        return candidate;
      }
    } catch (error) {
      console.warn(`${candidate} did not start: ${error instanceof Error ? error.message : error}`);
    }
  }
  throw new Error("Neither the requested backend nor the CPU backend started");
}

/**
 * The checkpoint laid out by the repository's formatter (Biome), so that `npm run lint` passes and
 * diffs of a retrained checkpoint stay readable (numbers wrapped at the line width, about 25 %
 * larger than one line). Without Biome the one-line JSON is written, with a warning.
 */
function formatted(text, path) {
  const biome = resolve(root, "node_modules/.bin/biome");
  const result = spawnSync(biome, ["format", `--stdin-file-path=${relative(root, path)}`], {
    input: text,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0 && result.stdout) return result.stdout;
  console.warn(`biome format failed (${result.error?.message ?? result.stderr}); writing one-line JSON`);
  return text;
}

const isMatrix = (value) =>
  Boolean(value) && typeof value.rows === "number" && typeof value.cols === "number";

/** The snapshot in a few lines: scalars as they are, tables row by row, matrices by their shape. */
function describeSnapshot(snapshot) {
  const lines = [];
  for (const [key, value] of Object.entries(snapshot)) {
    if (typeof value === "number") lines.push(`  ${key}: ${value.toPrecision(5)}`);
    else if (Array.isArray(value) && value.every((row) => row && typeof row.name === "string")) {
      lines.push(`  ${key}:`);
      for (const row of value) lines.push(`    ${JSON.stringify(row)}`);
    } else if (isMatrix(value)) lines.push(`  ${key}: [${value.rows}, ${value.cols}]`);
    else if (value && Object.values(value).every(isMatrix)) {
      const shapes = Object.entries(value).map(([name, m]) => `${name} [${m.rows}, ${m.cols}]`);
      lines.push(`  ${key}: ${shapes.join(", ")}`);
    } else lines.push(`  ${key}: ${JSON.stringify(value).slice(0, 200)}`);
  }
  return lines.join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const backend = await startBackend(args.backend);
  await registerGradients();
  const [{ experimentById, isRegisteredExperiment }, { createTrainer }, { parseCheckpoint, thinHistory }] =
    await Promise.all([
      load("src/engine/training/experiments.ts"),
      load("src/engine/training/trainer.ts"),
      load("src/engine/training/checkpoint.ts"),
    ]);
  if (!isRegisteredExperiment(args.id)) usage(`There is no experiment "${args.id}".`);
  const experiment = experimentById(args.id);
  const trainer = createTrainer(tf, experiment, args.overrides);
  const { config } = trainer;
  const steps = config.steps;
  const logEvery = args.log || Math.max(1, Math.round(steps / 20));
  console.log(`${args.id} on ${backend}: ${JSON.stringify(config)}`);
  console.log(`parameters: ${JSON.stringify(trainer.parameterCounts())}`);

  const history = [];
  const started = performance.now();
  let window = [];
  for (let s = 0; s < steps; s++) {
    const report = await trainer.train();
    history.push({ step: report.step, losses: report.losses });
    window.push(report.losses);
    if ((s + 1) % logEvery === 0 || s + 1 === steps) {
      const means = Object.keys(report.losses).map((id) => {
        const mean = window.reduce((sum, losses) => sum + losses[id], 0) / window.length;
        return `${id} ${mean.toFixed(4)}`;
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `step ${String(s + 1).padStart(6)}  mean batch loss: ${means.join(", ")}  (${seconds.toFixed(1)} s)`,
      );
      window = [];
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const metrics = await trainer.evaluate();
  console.log(
    `trained ${steps} steps in ${seconds.toFixed(1)} s (${((1000 * seconds) / steps).toFixed(2)} ms a step)`,
  );
  console.log(`evaluation loss: ${JSON.stringify(metrics)}`);
  console.log(`snapshot:\n${describeSnapshot(await trainer.snapshot())}`);

  const checkpoint = await trainer.exportCheckpoint(thinHistory(history, HISTORY_POINTS), metrics, backend);
  const text = `${JSON.stringify(checkpoint)}\n`;
  const parsed = parseCheckpoint(text, args.id);
  if (!parsed.ok) throw new Error(`The checkpoint just written does not parse: ${parsed.message}`);
  trainer.dispose();
  if (args.out === "-") {
    console.log(`checkpoint: ${text.length} bytes (not written)`);
    return;
  }
  const path = resolve(root, args.out ?? `public/checkpoints/${args.id}.json`);
  const file = formatted(text, path);
  const reread = parseCheckpoint(file, args.id);
  if (!reread.ok) throw new Error(`The formatted checkpoint does not parse: ${reread.message}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file);
  console.log(`wrote ${path}: ${Buffer.byteLength(file)} bytes`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
