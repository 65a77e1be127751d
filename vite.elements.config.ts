import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { shadowRootCss } from "./src/embed/shadowCss.ts";

/**
 * The script-tag embed: `src/embed/elements.ts` built into `dist/elements/` as `dw-elements.js`,
 * its chunks (each tfjs backend its own, loaded only when tried) and ONE stylesheet,
 * `dw-elements.css`, that every `dw-*` shadow root links. Built after the essay (`npm run build`)
 * into its own folder, so the essay's files stay.
 *
 * Not Vite's library mode: that inlines `?url` assets as base64, and tfjs's .wasm binaries must stay
 * files. An ES build with a relative base instead resolves every chunk and asset from
 * `import.meta.url`, so the bundle works from any origin and folder it is served from.
 */
export default defineConfig({
  plugins: [react(), shadowRootStylesheet(), tfjsStaysLazy()],
  base: "./",
  // The embed page and essay are the other build's: nothing from public/ belongs here.
  publicDir: false,
  // The training worker is its own build; its tfjs chunks get the same names. (On a blogger's
  // page, another origin, a worker cannot start and training runs on the page's thread instead.)
  worker: {
    format: "es",
    rolldownOptions: {
      output: { chunkFileNames: (chunk) => `assets/${tfjsChunkName(chunk.moduleIds) ?? "[name]"}-[hash].js` },
    },
  },
  build: {
    target: "es2022",
    outDir: "dist/elements",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    // Styles must reach shadow roots, never the host page's <head>: one file, linked by each element.
    cssCodeSplit: false,
    // The preload helper would add <link rel=modulepreload> tags to the blogger's <head>.
    modulePreload: false,
    manifest: true,
    rolldownOptions: {
      input: { "dw-elements": "src/embed/elements.ts" },
      // Code shared by the entry and the widgets stays in the entry (which may gain exports for
      // them) rather than becoming a dozen small chunks the page must fetch before anything shows.
      preserveEntrySignatures: "allow-extension",
      output: {
        entryFileNames: "[name].js",
        // tfjs chunks are named for their package (`tfjs-core`, `tfjs-backend-webgpu`), so the size
        // report (scripts/embed/size.mjs) and a reader of the folder can tell them apart.
        chunkFileNames: (chunk) => `chunks/${tfjsChunkName(chunk.moduleIds) ?? "[name]"}-[hash].js`,
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith(".css"))
            ? "dw-elements.css"
            : "assets/[name]-[hash][extname]",
      },
    },
  },
});

/** Rewrites the emitted stylesheet for shadow roots (`:root` → `:host`; see src/embed/shadowCss.ts). */
function shadowRootStylesheet(): Plugin {
  return {
    name: "dw-shadow-root-stylesheet",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "asset" && file.fileName.endsWith(".css") && typeof file.source === "string")
          file.source = shadowRootCss(file.source);
      }
    },
  };
}

const TFJS_MODULE = /[\\/]node_modules[\\/]@tensorflow[\\/](tfjs-[a-z-]+)[\\/]/;

/** `tfjs-<package>` for a chunk holding tfjs code (`tfjs-shared` when several packages), else null. */
function tfjsChunkName(moduleIds: readonly string[]): string | null {
  const packages = new Set(moduleIds.flatMap((id) => TFJS_MODULE.exec(id)?.[1] ?? []));
  if (packages.size === 0) return null;
  return packages.size === 1 ? [...packages][0] : "tfjs-shared";
}

/** Fails the build if tfjs reaches the entry chunk: the elements must paint before tfjs downloads. */
function tfjsStaysLazy(): Plugin {
  return {
    name: "dw-tfjs-stays-lazy",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "chunk" && file.isEntry && tfjsChunkName(file.moduleIds) !== null)
          this.error(
            `${file.fileName} contains tfjs modules; tfjs must stay behind the engine's dynamic import.`,
          );
      }
    },
  };
}
