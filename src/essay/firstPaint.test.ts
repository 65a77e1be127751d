import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// First paint must not wait for tfjs: the essay and the entry reach the engine only through
// widgets, which load it by dynamic import. A static import here would pull tfjs into the first chunk.
const srcDir = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const staticImport = /^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm;

describe("first paint", () => {
  const files = [...sourceFiles(join(srcDir, "essay")), join(srcDir, "main.tsx")];

  it("finds the essay's sources", () => {
    expect(files.map((file) => relative(srcDir, file))).toContain("essay/App.tsx");
  });

  it("has no static import of the engine or tfjs in src/essay or main.tsx", () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(staticImport)) {
        const specifier = match[1];
        if (specifier.startsWith("@tensorflow/") || /(^|\/)engine(\/|$)/.test(specifier)) {
          offending.push(`${relative(srcDir, file)} imports ${specifier}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
