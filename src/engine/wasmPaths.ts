import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import wasmUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";

/**
 * Points the WASM backend at binaries served from our own origin (Vite copies them into the
 * build and gives their hashed URLs), instead of tfjs's default CDN. Must run before
 * `tf.setBackend("wasm")`; tfjs picks the threaded, SIMD or plain binary by what the page supports.
 */
export function configureWasm(): void {
  setWasmPaths({
    "tfjs-backend-wasm.wasm": wasmUrl,
    "tfjs-backend-wasm-simd.wasm": wasmSimdUrl,
    "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimdUrl,
  });
}
