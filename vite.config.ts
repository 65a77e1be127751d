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
    // `npm run bench` adds its compute page; the essay's build has only the essay.
    rolldownOptions: {
      input: { index: "index.html", ...(process.env.DW_BENCH_PAGE === "1" ? { bench: "bench.html" } : {}) },
    },
  },
});
