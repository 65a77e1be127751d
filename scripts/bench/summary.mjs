// Prints bench-results/latest.json as a short table: `node scripts/bench/summary.mjs`.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(new URL("../../bench-results/latest.json", import.meta.url), "utf8"));
console.log("budgets", JSON.stringify(report.budgets));
console.log(
  "first-paint JS (gz KiB)",
  report.bundle.firstPaintJsGzipKiB,
  JSON.stringify(report.bundle.firstPaintFiles),
);
for (const c of report.bundle.tfjsChunks) console.log("tfjs chunk", c.source, c.gzipKiB, "KiB gz");
for (const w of report.bundle.wasmFiles) console.log("wasm", w.file, w.gzipKiB, "KiB gz");
for (const c of report.compute) {
  if (c.error) console.log("compute", c.backend, "ERROR", c.error.slice(0, 200));
  else
    console.log(
      `compute ${c.backend.padEnd(6)} (${c.adapter}) ${c.compute.map((x) => `n=${x.n}: p50 ${x.computeMs.p50} p95 ${x.computeMs.p95}`).join(" | ")} | tensors gained over ${c.leak.updates}: ${c.leak.tensorsGained}`,
    );
}
for (const d of report.drag) {
  if (d.error) console.log(d.requested, "n =", d.n, "ERROR", d.error.slice(0, 200));
  else
    console.log(
      `${d.requested.padEnd(6)} n=${String(d.n).padEnd(3)} on ${d.backend.padEnd(6)} (${d.figuresMounted ?? "?"} figures) event→matrices p50 ${d.eventToMatricesMs.p50} p95 ${d.eventToMatricesMs.p95} | input→matrices p95 ${d.inputToMatricesMs.p95} | event→point p95 ${d.eventToPointMs.p95} | compute p50 ${d.computeMs.p50} p95 ${d.computeMs.p95} | same frame ${d.matricesInPointsFrame}`,
    );
}
const r = report.regressionDrag;
if (r?.error) console.log("regression drag ERROR", r.error.slice(0, 200));
else if (r)
  console.log(
    `regression drag (Part II) on ${r.backend} (${r.figuresMounted} figures) event→predictions p50 ${r.eventToPredictionsMs.p50} p95 ${r.eventToPredictionsMs.p95} (${r.samples} samples)`,
  );
for (const l of report.large ?? []) {
  if (l.error) console.log("large", l.backend, "ERROR", l.error.slice(0, 200));
  else
    for (const r of l.results)
      console.log(
        r.skipped
          ? `large ${l.backend.padEnd(6)} n=${r.n}: ${r.skipped}`
          : `large ${l.backend.padEnd(6)} n=${String(r.n).padEnd(4)} d=${r.d}: ${r.msPerUpdate} ms/update, pure-TS reference ${r.referenceMs} ms (${r.referenceOverBackend}× the backend), read ${Math.round(r.bytesRead / 1024)} KiB, peak tensors ${r.peakTensorBytes === null ? "?" : `${(r.peakTensorBytes / 2 ** 20).toFixed(1)} MiB`}, tensor bytes after ${r.tensorBytesAfter}`,
      );
  if (l.leak)
    console.log(
      `large ${l.backend} leak: ${l.leak.tensorsGained} tensors gained over ${l.leak.updates} updates at n = ${l.leak.n}`,
    );
}
const g = report.largeDrag;
if (g?.error) console.log("large-n drag ERROR", g.error.slice(0, 200));
else if (g)
  console.log(
    `large-n drag n=${g.n} on ${g.backend}: event→centre p50 ${g.eventToPointMs.p50} p95 ${g.eventToPointMs.p95} (${g.eventToPointMs.samples}) | event→matrices p50 ${g.eventToMatricesMs.p50} p95 ${g.eventToMatricesMs.p95} (${g.eventToMatricesMs.samples})`,
  );
for (const t of report.training ?? []) {
  if (t.error) console.log("training", t.experiment, t.backend, "ERROR", t.error.slice(0, 200));
  else
    console.log(
      `training ${t.experiment.padEnd(9)} on ${(t.backend?.name ?? t.requested).padEnd(6)} (${t.thread}) ${t.stepsPerSecond} steps/s (${t.stepsMeasured} steps; full run of ${t.totalSteps} ≈ ${t.secondsForFullRun} s) | longest main-thread task ${t.longestMainThreadTaskMs} ms (${t.longTasks} long tasks), longest frame gap ${t.longestFrameGapMs} ms`,
    );
}
const w = report.dragWhileTraining;
if (w?.error) console.log("drag while training ERROR", w.error.slice(0, 200));
else if (w)
  console.log(
    `drag while ${w.training} trains (${w.trainingStepsDuringDrag} steps meanwhile) n=${w.n} on ${w.backend}: event→matrices p50 ${w.eventToMatricesMs.p50} p95 ${w.eventToMatricesMs.p95} | event→point p95 ${w.eventToPointMs.p95} | longest main-thread task ${w.longestMainThreadTaskMs} ms (${w.longTasks} long tasks)`,
  );
for (const f of report.fullTraining ?? []) {
  if (f.error) console.log("full training", f.experiment, "ERROR", f.error.slice(0, 200));
  else
    console.log(
      `full training ${f.experiment.padEnd(9)} on ${f.backend?.name}: ${f.steps} steps in ${f.trainingSeconds} s → evaluation ${JSON.stringify(f.metrics)}`,
    );
}
