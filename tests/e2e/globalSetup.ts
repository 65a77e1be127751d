import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { serveFolder } from "../../scripts/embed/serve.mjs";
import { chromiumPath } from "../chromium.mjs";

/** Where the example post points: replaced by origin A's address when origin B serves it. */
export const POST_ESSAY_ORIGIN = "http://localhost:4173";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin A: the built essay, embed page and elements bundle (`http://127.0.0.1:<port>/`). */
    essayUrl: string;
    /** Origin B: examples/, with the post's essay address rewritten to origin A. */
    blogUrl: string;
  }
}

const repo = resolve(import.meta.dirname, "../..");

/**
 * Builds the essay and the elements once into a temporary folder (never touching dist/), serves
 * it on origin A and examples/ on origin B, and hands both addresses to the tests. The post's
 * iframes compute on the CPU backend: three pages probing WebGPU at once on a 2-core machine
 * would spend the time budget on start-up.
 */
export default async function setup(project: TestProject) {
  chromiumPath(); // fails now, with how to get one, rather than in every test file
  const out = mkdtempSync(join(tmpdir(), "dw-e2e-"));
  // Vitest sets NODE_ENV=test, which would make Vite build React's development copy and keep
  // `import.meta.env.DEV` code: the test must see what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    const quiet = { root: repo, mode: "production", logLevel: "warn" as const };
    await build({
      ...quiet,
      configFile: join(repo, "vite.config.ts"),
      build: { outDir: out, emptyOutDir: true },
    });
    await build({
      ...quiet,
      configFile: join(repo, "vite.elements.config.ts"),
      build: { outDir: join(out, "elements"), emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }

  const essay = await serveFolder(out);
  const essayOrigin = new URL(essay.url).origin;
  const blog = await serveFolder(join(repo, "examples"), {
    rewrite: (html: string) =>
      html
        .replaceAll("embed.html?widget=", "embed.html?backend=cpu&amp;widget=")
        .replaceAll(POST_ESSAY_ORIGIN, essayOrigin),
  });
  project.provide("essayUrl", essay.url);
  project.provide("blogUrl", blog.url);

  return async () => {
    await Promise.all([essay.close(), blog.close()]);
    rmSync(out, { recursive: true, force: true });
  };
}
