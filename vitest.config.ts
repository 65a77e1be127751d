import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { browserCommands } from "./tests/browserCommands.ts";
import { chromiumArgs, chromiumPath } from "./tests/chromium.mjs";

const browserTests = process.env.DW_SKIP_BROWSER !== "1";

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
      // Found late, each would reload the browser tests mid-run (and a worker test's imports with them).
      "react",
      "react-dom",
      "react-dom/client",
      "zustand",
      "d3-selection",
      "d3-scale",
      "d3-scale-chromatic",
      "d3-shape",
      "d3-drag",
      "katex",
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "tests/unit/**/*.test.ts"],
          exclude: ["src/**/*.browser.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          environment: "jsdom",
          // jsdom renders whole figures; on a loaded 2-core CI machine that takes seconds.
          testTimeout: 20_000,
          include: ["src/**/*.test.tsx", "tests/component/**/*.test.tsx"],
          exclude: ["src/**/*.browser.test.tsx"],
          setupFiles: ["tests/setup-jsdom.ts"],
        },
      },
      {
        // Across origins, against a build: the example post (origin B) embeds the built essay
        // (origin A) in iframes and as elements; Playwright drives Debian's Chromium directly.
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file drives its own Chromium: one at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      ...(browserTests
        ? [
            {
              extends: true as const,
              test: {
                name: "browser",
                include: ["src/**/*.browser.test.{ts,tsx}", "tests/browser/**/*.test.{ts,tsx}"],
                testTimeout: 120_000,
                hookTimeout: 120_000,
                browser: {
                  enabled: true,
                  headless: true,
                  screenshotFailures: false,
                  commands: browserCommands,
                  provider: playwright({
                    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
                    // Room for a 1280 px test viewport at scale 1 (the runner scales down what does not fit).
                    contextOptions: { viewport: { width: 1600, height: 1100 } },
                  }),
                  instances: [{ browser: "chromium" as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
});
