import type { PoolAxis, Pooling } from "../core/pooledAttention";
import type { Tf } from "./types";

type Tensor = ReturnType<Tf["tensor"]>;

/**
 * Stands for −∞ on the backend: WGSL does not promise infinities (and WebGL drivers differ), so an
 * empty block, a masked score or the padding is this large finite number, and `fromBackend` turns
 * it back into −∞ once read. It must stay above −1e20, where tfjs's WebGPU and WebGL maxPool start
 * their running maximum (anything lower is never taken), and far below any real score.
 */
export const EMPTY = -1e19;
const EMPTY_BELOW = -1e18;

/** A number read back: −∞ for the EMPTY stand-in (and +∞ for its negation), else itself. */
export function fromBackend(value: number): number {
  if (value <= EMPTY_BELOW) return Number.NEGATIVE_INFINITY;
  if (value >= -EMPTY_BELOW) return Number.POSITIVE_INFINITY;
  return value;
}

/**
 * Core's `poolMatrix` on the backend. `block [rows, cols]` is the view's block; `visible` (bool,
 * broadcastable to it) marks the entries that count, null for all. The block is padded to
 * `[h·b_r, w·b_c]` and pooled with windows of `b_r × b_c`, stride the same (tfjs's maxPool and
 * avgPool: one thread per pixel; a reshape to `[h, b_r, w, b_c]` reduced over axes 1 and 3 costs
 * seconds at n = 1024 on WebGPU, which transposes it and runs one workgroup per output):
 *
 *   max:  padding and hidden entries are EMPTY, so they never win;
 *   mean: padding and hidden entries add 0; the mean of the visible entries is
 *         avg(values · visible) / avg(visible), and EMPTY where nothing is visible.
 *
 * Returns the image `[h, w]`. Call inside `tf.tidy`.
 */
export function poolTf(
  tf: Tf,
  block: Tensor,
  visible: Tensor | null,
  rowAxis: PoolAxis,
  colAxis: PoolAxis,
  pooling: Pooling,
): Tensor {
  const [rows, cols] = block.shape;
  const { pixels: h, block: br } = rowAxis;
  const { pixels: w, block: bc } = colAxis;
  const window: [number, number] = [br, bc];
  const pool = (t: Tensor, fill: number, how: "max" | "avg"): Tensor => {
    if (br === 1 && bc === 1) return t;
    const padded = tf.pad(
      t,
      [
        [0, h * br - rows],
        [0, w * bc - cols],
      ],
      fill,
    );
    const image = tf.reshape(padded, [1, h * br, w * bc, 1]) as ReturnType<Tf["tensor4d"]>;
    const pooled =
      how === "max" ? tf.maxPool(image, window, window, "valid") : tf.avgPool(image, window, window, "valid");
    return tf.reshape(pooled, [h, w]);
  };
  if (pooling === "max")
    return pool(visible ? tf.where(visible, block, tf.scalar(EMPTY)) : block, EMPTY, "max");
  if (!visible) {
    // Every entry counts: avg × (b_r·b_c) is the sum, and the pixel's area comes from the edges.
    const sizes = (axis: PoolAxis) =>
      Float32Array.from({ length: axis.pixels }, (_, i) => axis.edges[i + 1] - axis.edges[i]);
    const area = tf.mul(tf.tensor2d(sizes(rowAxis), [h, 1]), tf.tensor2d(sizes(colAxis), [1, w]));
    return tf.div(tf.mul(pool(block, 0, "avg"), br * bc), area);
  }
  const sums = pool(tf.where(visible, block, tf.scalar(0)), 0, "avg");
  const counts = pool(tf.cast(tf.broadcastTo(visible, [rows, cols]), "float32"), 0, "avg");
  // The smallest non-zero count is one entry in b_r·b_c: dividing by at least that never divides by 0.
  const mean = tf.div(sums, tf.maximum(counts, 1 / (br * bc)));
  return tf.where(tf.greater(counts, 0), mean, tf.scalar(EMPTY));
}

/** `[min, max]` of the visible scores, `[2]`: `[−EMPTY, EMPTY]` (read as [+∞, −∞]) when none is visible. */
export function scoreRangeTf(tf: Tf, scores: Tensor, visible: Tensor | null): Tensor {
  if (!visible) return tf.stack([tf.min(scores), tf.max(scores)]);
  const low = tf.min(tf.where(visible, scores, tf.scalar(-EMPTY)));
  const high = tf.max(tf.where(visible, scores, tf.scalar(EMPTY)));
  return tf.stack([low, high]);
}
