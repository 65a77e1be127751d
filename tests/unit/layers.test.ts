import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The architecture's import direction, checked on every source file:
 *   core → engine → state → viz / widgets → essay | embed
 * Each layer lists the layers and packages it may import. Test files may import anything.
 */
const src = resolve(import.meta.dirname, "../../src");

const allowed: Record<string, { layers: string[]; packages: RegExp }> = {
  core: { layers: ["core"], packages: /^$/ },
  engine: { layers: ["core", "engine"], packages: /^@tensorflow\// },
  state: { layers: ["core", "state"], packages: /^(zustand|react)(\/|$)/ },
  viz: { layers: ["core", "viz"], packages: /^d3-/ },
  widgets: { layers: ["core", "engine", "state", "viz", "widgets"], packages: /^(react|zustand)(\/|$)/ },
  essay: { layers: ["essay", "widgets", "viz"], packages: /^(react|katex)(\/|$)/ },
  embed: { layers: ["embed", "widgets", "viz", "state", "core"], packages: /^(react|react-dom)(\/|$)/ },
  main: { layers: ["essay", "viz"], packages: /^(react|react-dom|katex)(\/|$)/ },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/(\.test\.tsx?|^testing\.tsx?)$/.test(name) ? [path] : [];
  });
}

const importsOf = (code: string) =>
  [
    ...code.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);

const layerOf = (file: string) => {
  const rel = relative(src, file);
  return rel.includes("/") || !/\.[a-z]+$/.test(rel) ? rel.split("/")[0] : "main";
};

describe("layering", () => {
  const files = sourceFiles(src);

  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(src, f), f]))("%s imports only what its layer may", (_, file) => {
    const layer = layerOf(file);
    const rule = allowed[layer];
    expect(rule, `unknown layer ${layer}`).toBeDefined();
    const bad = importsOf(readFileSync(file, "utf8")).filter((spec) => {
      if (spec.endsWith(".css")) return false;
      if (spec.startsWith(".")) {
        const target = resolve(file, "..", spec);
        return !rule.layers.includes(layerOf(target));
      }
      return !rule.packages.test(spec);
    });
    expect(bad).toEqual([]);
  });
});
