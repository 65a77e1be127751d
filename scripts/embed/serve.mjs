// A tiny static server with CORS headers, for trying embeds across origins:
//   node scripts/embed/serve.mjs examples 4180   → http://localhost:4180/blog-post/
// The end-to-end tests import `serveFolder` to serve the built essay and the example post on two
// origins, rewriting the post's essay address to the test's.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * Serves folder `root` on `host:port` (port 0: any free one) with `Access-Control-Allow-Origin: *`,
 * so pages on other origins can load its module scripts and .wasm files. `rewrite(text)` is applied
 * to HTML files. Resolves to { url, close }.
 */
export function serveFolder(root, { port = 0, host = "127.0.0.1", rewrite } = {}) {
  const base = resolve(root);
  // Room for long addresses (a figure's state in the query): Node's default stops at 16 KiB.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    } catch {
      return void response.writeHead(400).end();
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      // A folder without its trailing slash would resolve relative links one level too high.
      if (!path.endsWith("/")) return void response.writeHead(301, { location: `${path}/` }).end();
      file = join(file, "index.html");
    }
    if (!existsSync(file)) return void response.writeHead(404, { "access-control-allow-origin": "*" }).end();
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "access-control-allow-origin": "*",
      "cache-control": "no-cache",
    };
    response.writeHead(200, headers);
    if (rewrite && extname(file) === ".html") response.end(rewrite(readFileSync(file, "utf8")));
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        url: `http://${host}:${address.port}/`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = "examples", port = "4180"] = process.argv.slice(2);
  await serveFolder(root, { port: Number(port) });
  console.log(`Serving ${resolve(root)} at http://localhost:${port}/ (CORS: any origin). Ctrl+C stops.`);
}
