// First-paint JavaScript and each tfjs chunk, gzipped, read from Vite's build manifest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gzipKiB = (path) => kib(gzipSync(readFileSync(path), { level: 9 }).length);

/** Sizes of what index.html loads before anything dynamic, and of every lazily loaded chunk. */
export function measureBundle(distDir) {
  const manifest = JSON.parse(readFileSync(join(distDir, ".vite", "manifest.json"), "utf8"));
  const entry = manifest["index.html"];
  if (!entry) throw new Error("bench: no index.html entry in the build manifest");

  // Everything reachable from the entry through static imports loads before first paint.
  const firstPaint = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || firstPaint.has(chunk.file)) return;
    firstPaint.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit("index.html");
  const firstPaintCss = [
    ...new Set([entry, ...(entry.imports ?? []).map((k) => manifest[k])].flatMap((c) => c?.css ?? [])),
  ];

  const firstPaintFiles = [...firstPaint].map((file) => ({ file, gzipKiB: gzipKiB(join(distDir, file)) }));
  const lazyChunks = Object.entries(manifest)
    .filter(
      ([key, chunk]) => chunk.file.endsWith(".js") && !firstPaint.has(chunk.file) && !key.includes("bench"),
    )
    .map(([key, chunk]) => ({ source: key, file: chunk.file, gzipKiB: gzipKiB(join(distDir, chunk.file)) }));
  const tfjsChunks = lazyChunks.filter((c) => c.source.includes("@tensorflow") || c.file.includes("tfjs"));
  const wasmFiles = Object.values(manifest)
    .flatMap((chunk) => chunk.assets ?? [])
    .filter((file) => file.endsWith(".wasm"))
    .map((file) => ({ file, gzipKiB: gzipKiB(join(distDir, file)) }));

  return {
    firstPaintJsGzipKiB: Math.round(firstPaintFiles.reduce((sum, f) => sum + f.gzipKiB, 0) * 10) / 10,
    firstPaintBudgetKiB: 170,
    firstPaintFiles,
    firstPaintCssGzipKiB: kib(
      firstPaintCss.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0),
    ),
    tfjsChunks,
    wasmFiles: [...new Map(wasmFiles.map((w) => [w.file, w])).values()],
    otherLazyChunks: lazyChunks.filter((c) => !tfjsChunks.includes(c)),
  };
}
