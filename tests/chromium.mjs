// The system Chromium for browser tests and the benchmark (plain JS so `npm run bench` runs it
// under Node 20 without a TypeScript loader). No test tool downloads a browser.
import { existsSync } from "node:fs";

/** Flags that give headless WebGPU through SwiftShader on a machine without a GPU. */
export const chromiumArgs = [
  "--no-sandbox",
  "--enable-unsafe-webgpu",
  "--enable-features=Vulkan",
  "--use-webgpu-adapter=swiftshader",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The Chromium binary: $CHROMIUM_PATH, else Debian's. A missing one is an error saying how to get it. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const path of candidates) if (path && existsSync(path)) return path;
  throw new Error(
    "No Chromium found for the browser tests. Install Debian's package " +
      "(apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.",
  );
}
