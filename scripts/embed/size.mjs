// The script-tag bundle's size, gzipped: `npm run size:elements` (after `npm run build`).
// Prints JSON: the entry and everything a page loads before tfjs (entry + its static imports,
// the stylesheet, each widget's chunks), then each tfjs chunk and .wasm binary on its own.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const dir = resolve(process.argv[2] ?? "dist/elements");
const manifestPath = join(dir, ".vite", "manifest.json");
if (!existsSync(manifestPath)) {
  console.error(`size:elements: no ${manifestPath}; run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gzipBytes = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const sized = (files) => {
  const list = [...files].map((file) => ({ file, gzipKiB: kib(gzipBytes(file)) }));
  return { files: list, gzipKiB: kib([...files].reduce((sum, file) => sum + gzipBytes(file), 0)) };
};
// tfjs chunks are named for their package by vite.elements.config.ts.
const isTfjs = (file) => /(^|\/)tfjs-[a-z-]+-[\w-]+\.js$/.test(file);

/** Files loaded by `key` and its static imports, skipping `seen`. */
function staticClosure(key, seen = new Set()) {
  const files = new Set();
  const visit = (k) => {
    const chunk = manifest[k];
    if (!chunk || seen.has(chunk.file) || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(key);
  return files;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error("size:elements: the manifest has no entry");
const entryFiles = staticClosure(entryKey);
const stylesheet = Object.values(manifest)
  .flatMap((chunk) => chunk.css ?? [])
  .concat(Object.values(manifest).flatMap((c) => (c.file.endsWith(".css") ? [c.file] : [])));
const cssFile = [...new Set(stylesheet)][0];

const widgets = (manifest[entryKey].dynamicImports ?? []).map((key) => ({
  source: key,
  ...sized(staticClosure(key, entryFiles)),
}));

// Widgets share chunks: the total counts each file once.
const beforeTfjs = new Set([...entryFiles, ...widgets.flatMap((w) => w.files.map((f) => f.file))]);
if (cssFile) beforeTfjs.add(cssFile);
const leaked = [...beforeTfjs].filter(isTfjs);
if (leaked.length > 0) {
  console.error(`size:elements: tfjs is loaded before a figure computes: ${leaked.join(", ")}`);
  process.exit(1);
}

const tfjsChunks = Object.entries(manifest)
  .filter(([, chunk]) => isTfjs(chunk.file))
  .map(([source, chunk]) => ({ source, file: chunk.file, gzipKiB: kib(gzipBytes(chunk.file)) }));
const wasmFiles = [
  ...new Set(Object.values(manifest).flatMap((c) => (c.file.endsWith(".wasm") ? [c.file] : []))),
];

const entry = sized(entryFiles);
const css = cssFile ? { file: cssFile, gzipKiB: kib(gzipBytes(cssFile)) } : null;
console.log(
  JSON.stringify(
    {
      entry,
      stylesheet: css,
      widgets,
      beforeTfjsGzipKiB: sized(beforeTfjs).gzipKiB,
      tfjsChunks,
      tfjsGzipKiB: Math.round(tfjsChunks.reduce((s, c) => s + c.gzipKiB, 0) * 10) / 10,
      wasmFiles: wasmFiles.map((file) => ({ file, gzipKiB: kib(gzipBytes(file)) })),
    },
    null,
    2,
  ),
);
