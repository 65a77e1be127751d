import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // Prebundle every tfjs backend up front: discovering one mid-session reloads the page and loads
  // a second copy of tfjs-core, whose backends then fail.
  optimizeDeps: {
    include: [
      "@tensorflow/tfjs-core",
      "@tensorflow/tfjs-backend-webgpu",
      "@tensorflow/tfjs-backend-webgl",
      "@tensorflow/tfjs-backend-wasm",
      "@tensorflow/tfjs-backend-cpu",
      "@tensorflow/tfjs-core/dist/register_all_gradients",
    ],
  },
  // The training worker (src/engine/training/worker.ts) imports tfjs and each backend lazily, like
  // the page: as an ES module worker it is split into chunks and loads only the backend it uses.
  worker: { format: "es" },
  build: {
    target: "es2022",
    manifest: true,
    chunkSizeWarningLimit: 2048,
    // The essay and its embed page (one widget for an <iframe>); `npm run bench` adds its compute page.
    rolldownOptions: {
      input: {
        index: "index.html",
        embed: "embed.html",
        ...(process.env.DW_BENCH_PAGE === "1" ? { bench: "bench.html" } : {}),
      },
    },
  },
  // A blogger's page on another origin loads the `dw-*` elements bundle (dist/elements/) as a module
  // script, its chunks and tfjs's .wasm files: all need CORS headers. (The dev server keeps Vite's
  // default, localhost origins only: it serves source, not just the built essay.)
  preview: { cors: true },
});
