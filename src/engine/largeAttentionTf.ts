import { type AttentionParams, checkAttentionParams } from "../core/attention";
import { type Matrix, matrix } from "../core/matrix";
import { checkView, type PooledImage, poolAxis } from "../core/pooledAttention";
import { MASKED_LOGIT, readAndDispose, softmaxTf, upload } from "./compute";
import { readbackPlan } from "./largeAttentionPlan";
import type { LargeAttentionParams, LargeAttentionResult } from "./largeAttentionTypes";
import { fromBackend, poolTf, scoreRangeTf } from "./largePooling";
import type { Tf } from "./types";

type Tensor = ReturnType<Tf["tensor"]>;

/** What the maths gives; the engine adds which backend ran it and why. */
export type LargeAttentionMaths = Omit<LargeAttentionResult, "backend" | "reason">;

/**
 * Where query i may see key j (bool): `[n, n]` when causal (j ≤ i), `[1, n]` for masked keys
 * alone (it broadcasts), null when nothing is hidden. Built from ranges: nothing n × n is uploaded.
 */
function visibleTensor(tf: Tf, p: AttentionParams, n: number): Tensor | null {
  let visible: Tensor | null = null;
  if (p.causal) {
    visible = tf.greaterEqual(tf.reshape(tf.range(0, n), [n, 1]), tf.reshape(tf.range(0, n), [1, n]));
  }
  if (p.maskedKeys?.includes(true)) {
    const keys = tf.tensor2d(
      Uint8Array.from(p.maskedKeys, (hidden) => (hidden ? 0 : 1)),
      [1, n],
      "bool",
    );
    visible = visible ? tf.logicalAnd(visible, keys) : keys;
  }
  return visible;
}

/** Throws a RangeError, in words, for inputs core's attention rejects, a view outside the n × n matrix, or a row that is not a token. */
export function checkLargeParams(p: LargeAttentionParams): ReturnType<typeof checkAttentionParams> {
  const checked = checkAttentionParams(p.attention);
  const { n } = checked;
  checkView(p.view, n, n);
  if (p.row !== null && !(Number.isInteger(p.row) && p.row >= 0 && p.row < n)) {
    throw new RangeError(`large attention: row must be a token index 0–${n - 1} or none, got ${p.row}`);
  }
  return checked;
}

/**
 * One large-n attention update on tfjs's current backend, as core's `attention` (scores
 * `S = QKᵀ/√d_k` or `QKᵀ`, masked keys and causal entries hidden, `A = softmax(S/τ)` over rows,
 * columns or all, `out = A·V`), but the n × n matrices never leave the backend: inside one
 * `tf.tidy` the view's block of S and A is pooled (see `poolTf`), the finite score range and the
 * requested row of A are taken, and all of it, with `out [n, d_v]` when n·d_v ≤ 65 536, is packed
 * into one tensor read back once (≤ 1 MiB, see `readbackPlan`).
 *
 * Shapes: `X [n, d_model]`, `W_Q, W_K [d_model, d_k]`, `W_V [d_model, d_v]` → images `[h, w]`,
 * `rowWeights [1, n]`, `out [n, d_v]`. Throws a RangeError for the inputs core rejects, a view
 * that does not fit the n × n matrix, or a row that is not a token. Everything up to the tidy is
 * synchronous, so the backend the caller switched to is the one that computes.
 */
export async function largeAttentionTf(tf: Tf, p: LargeAttentionParams): Promise<LargeAttentionMaths> {
  const a = p.attention;
  const { n, dK, dV, temperature, normalisation } = checkLargeParams(p);
  const plan = readbackPlan(n, dV, p.view, p.row);
  const { rowStart, colStart, rows, cols, pooling } = plan.view;
  const rowAxis = poolAxis(rowStart, rows, plan.view.maxPixels);
  const colAxis = poolAxis(colStart, cols, plan.view.maxPixels);
  const whole = rows === n && cols === n;

  const packed = tf.tidy(() => {
    const x = upload(tf, a.x);
    // 1/√d_k is folded into Q ([n, d_k]) so the n × n product is scaled for free.
    const q = tf.matMul(x, upload(tf, a.wq));
    const k = tf.matMul(x, upload(tf, a.wk));
    const v = tf.matMul(x, upload(tf, a.wv));
    const scores = tf.matMul(a.scale === false ? q : tf.mul(q, 1 / Math.sqrt(dK)), k, false, true);
    const visible = visibleTensor(tf, a, n);
    let logits: Tensor = temperature === 1 ? scores : tf.div(scores, temperature);
    if (visible) logits = tf.where(visible, logits, tf.scalar(MASKED_LOGIT));
    let weights = softmaxTf(tf, logits, normalisation, n);
    if (logits !== scores) tf.dispose(logits);
    // Only a masked key can leave a row (or column) with nothing to see; core gives it zeros.
    if (visible && a.maskedKeys?.includes(true)) weights = tf.where(visible, weights, tf.scalar(0));

    const blockOf = (t: Tensor) => (whole ? t : tf.slice(t, [rowStart, colStart], [rows, cols]));
    // A [1, n] key mask keeps its one row: it broadcasts over the block's rows.
    const visibleBlock =
      visible && (visible.shape[0] === 1 ? tf.slice(visible, [0, colStart], [1, cols]) : blockOf(visible));
    // Nested tidies free each step's n × n temporaries as soon as its small result exists: at
    // n = 4096 every one is 64 MiB of GPU memory.
    const parts = [
      tf.tidy(() => poolTf(tf, blockOf(scores), visibleBlock, rowAxis, colAxis, pooling)),
      tf.tidy(() => poolTf(tf, blockOf(weights), null, rowAxis, colAxis, pooling)),
      tf.tidy(() => scoreRangeTf(tf, scores, visible)),
    ];
    if (p.row !== null) parts.push(tf.slice(weights, [p.row, 0], [1, n]));
    if (plan.includeOut) parts.push(tf.matMul(weights, v));
    return tf.concat(parts.map((t) => tf.reshape(t, [-1])));
  });
  const flat = await readAndDispose(tf, packed);

  let offset = 0;
  const take = (count: number) => {
    offset += count;
    return flat.subarray(offset - count, offset);
  };
  const image = (): PooledImage => ({
    image: matrix(
      rowAxis.pixels,
      colAxis.pixels,
      Array.from(take(rowAxis.pixels * colAxis.pixels), fromBackend),
    ),
    rowEdges: rowAxis.edges,
    colEdges: colAxis.edges,
  });
  const scores = image();
  const weights = image();
  const [low, high] = Array.from(take(2), fromBackend);
  const rowWeights: Matrix | null = p.row === null ? null : matrix(1, n, take(n));
  const out = plan.includeOut ? matrix(n, dV, take(n * dV)) : null;
  return { n, scores, weights, scoreRange: [low, high], rowWeights, out, bytesRead: flat.byteLength };
}
