import type { AttentionParams } from "../core/attention";
import type { Matrix } from "../core/matrix";
import type { MatrixView, PooledImage } from "../core/pooledAttention";
import type { BackendName } from "./types";

/** One large-n attention update: the head's inputs, the view on screen, and what to read back exactly. */
export interface LargeAttentionParams {
  attention: AttentionParams;
  view: MatrixView;
  /** A query row whose weights are read back in full (n numbers), e.g. the hovered row; null for none. */
  row: number | null;
}

export interface LargeAttentionResult {
  n: number;
  /**
   * Scores QKᵀ/√d_k and weights, pooled on the backend to the view; the n × n matrices never leave
   * it. Pooled at most `view.maxPixels` per side, fewer when the 1 MiB readback needs it (two
   * 512 × 512 images alone are 2 MiB; see `readbackPlan`): the edges always say which entries each
   * pixel covers. Masked scores are −∞ (a pixel with no visible score too); masked weights 0.
   */
  scores: PooledImage;
  weights: PooledImage;
  /** Min and max of the finite scores over the whole matrix, for a stable colour scale; [+∞, −∞] if every score is masked. */
  scoreRange: readonly [number, number];
  /** The requested row of weights, [1, n], or null. */
  rowWeights: Matrix | null;
  /** Attention outputs A·V [n, d_v], or null when d_v · n would push the readback past the cap. */
  out: Matrix | null;
  /** Bytes read back from the backend for this update (budget: about 1 MiB). */
  bytesRead: number;
  /** The backend that computed this update: in auto mode, the fastest measured for this size. */
  backend: BackendName;
  /**
   * Why that backend, for the badge, e.g. "auto for n = 1024, d = 64: WebGL 239 ms < WebGPU 780 ms;
   * WASM 74 ms, CPU 608 ms would block the page (main thread) past the 8 ms frame budget", or the
   * forced backend's reason ("forced: WebGPU requested (runs in software)").
   */
  reason: string;
}
