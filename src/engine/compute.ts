import {
  type AttentionParams,
  type AttentionResult,
  checkAttentionParams,
  isMasked,
  type Normalisation,
} from "../core/attention";
import { type Matrix, matrix } from "../core/matrix";
import type { Activation, MlpParams, MlpResult } from "../core/mlp";
import type { Tf } from "./types";

type Tensor2D = ReturnType<Tf["tensor2d"]>;
type Tensor = ReturnType<Tf["tensor"]>;

// Added to masked logits inside tfjs: exp(−1e9 − max) is exactly 0 in float32, and unlike −∞ it
// cannot turn into NaN (∞ − ∞) on GPUs with loose IEEE handling. The returned scores get −∞ in JS.
export const MASKED_LOGIT = -1e9;
// √(2/π), the constant of the tanh approximation to GELU (same as core's `activate`).
const GELU_C = Math.sqrt(2 / Math.PI);

export function upload(tf: Tf, m: Matrix): Tensor2D {
  return tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols], "float32");
}

/** Reads a tensor back asynchronously (never `dataSync`, which stalls the page) and frees it. */
export async function readAndDispose(tf: Tf, packed: Tensor): Promise<Float32Array> {
  try {
    return (await packed.data()) as Float32Array;
  } finally {
    tf.dispose(packed);
  }
}

/** Cuts one readback into matrices of the given shapes, in order. */
export function unpack(flat: Float32Array, shapes: readonly [number, number][]): Matrix[] {
  let offset = 0;
  return shapes.map(([rows, cols]) => {
    const m = matrix(rows, cols, flat.subarray(offset, offset + rows * cols));
    offset += rows * cols;
    return m;
  });
}

/**
 * The n × n mask (1 = hidden, 0 = visible) of causal and masked-key entries, or null if none:
 * built from ranges and a [1, n] key row that broadcasts, so nothing n × n is uploaded.
 */
function maskTensor(tf: Tf, p: AttentionParams, n: number): Tensor | null {
  let mask: Tensor | null = null;
  if (p.causal) {
    const later = tf.greater(tf.reshape(tf.range(0, n), [1, n]), tf.reshape(tf.range(0, n), [n, 1]));
    mask = tf.cast(later, "float32");
  }
  if (p.maskedKeys?.includes(true)) {
    const keys = tf.tensor2d(
      Float32Array.from(p.maskedKeys, (m) => (m ? 1 : 0)),
      [1, n],
      "float32",
    );
    mask = mask ? tf.maximum(mask, keys) : tf.mul(tf.ones([n, n]), keys);
  }
  return mask;
}

/** softmax over rows (tf's last axis), columns (via the transpose) or all n² entries at once. */
export function softmaxTf(tf: Tf, logits: Tensor, normalisation: Normalisation, n: number): Tensor {
  if (normalisation === "columns") return tf.transpose(tf.softmax(tf.transpose(logits)));
  if (normalisation === "all") return tf.reshape(tf.softmax(tf.reshape(logits, [1, n * n])), [n, n]);
  return tf.softmax(logits);
}

/**
 * Core's `attention` computed with tfjs on the current backend:
 * `Q = XW_Q, K = XW_K, V = XW_V, S = QKᵀ/√d_k` (or `QKᵀ`), `A = softmax(S/τ)` over rows, columns
 * or all, with causal and masked-key entries hidden, `out = AV`. Shapes as in core. All six
 * results are packed into one tensor so the GPU is read back once per update; every
 * intermediate tensor dies in `tf.tidy`.
 */
export async function attentionTf(tf: Tf, p: AttentionParams): Promise<AttentionResult> {
  const { n, dK, dV, temperature, normalisation } = checkAttentionParams(p);
  const packed = tf.tidy(() => {
    const x = upload(tf, p.x);
    const q = tf.matMul(x, upload(tf, p.wq));
    const k = tf.matMul(x, upload(tf, p.wk));
    const v = tf.matMul(x, upload(tf, p.wv));
    const product = tf.matMul(q, k, false, true);
    const scores = p.scale === false ? product : tf.mul(product, 1 / Math.sqrt(dK));
    let logits: Tensor = temperature === 1 ? scores : tf.div(scores, temperature);
    const mask = maskTensor(tf, p, n);
    if (mask) logits = tf.add(logits, tf.mul(mask, MASKED_LOGIT));
    let weights = softmaxTf(tf, logits, normalisation, n);
    // A group with every entry masked would share its weight among the masked entries (all
    // −1e9 alike); core gives it zeros, and so does this.
    if (mask) weights = tf.mul(weights, tf.sub(1, mask));
    const out = tf.matMul(weights, v);
    return tf.concat([q, k, v, scores, weights, out].map((t) => tf.reshape(t, [-1])));
  });
  const flat = await readAndDispose(tf, packed);
  const [q, k, v, scores, weights, out] = unpack(flat, [
    [n, dK],
    [n, dK],
    [n, dV],
    [n, n],
    [n, n],
    [n, dV],
  ]);
  if (p.causal || p.maskedKeys?.includes(true)) {
    // Same convention as core: a masked score is −∞ and its weight exactly 0.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (!isMasked(p, i, j)) continue;
        scores.data[i * n + j] = Number.NEGATIVE_INFINITY;
        weights.data[i * n + j] = 0;
      }
    }
  }
  return { q, k, v, scores, weights, out };
}

function activateTf(tf: Tf, name: Activation, z: Tensor): Tensor {
  switch (name) {
    case "relu":
      return tf.relu(z);
    case "tanh":
      return tf.tanh(z);
    case "gelu": {
      // 0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), Hendrycks & Gimpel 2016.
      const inner = tf.mul(tf.add(z, tf.mul(tf.pow(z, 3), 0.044715)), GELU_C);
      return tf.mul(tf.mul(z, 0.5), tf.add(tf.tanh(inner), 1));
    }
    default:
      throw new RangeError(`activate: unknown activation ${String(name)}`);
  }
}

/**
 * Core's fixed MLP `out = σ(XAᵀ)Bᵀ` computed with tfjs. Shapes: `X [n, d_in]`, `A [hidden, d_in]`,
 * `B [d_out, hidden]` → `Z, H [n, hidden]`, `out [n, d_out]`. One readback, all in `tf.tidy`.
 */
export async function mlpTf(tf: Tf, p: MlpParams): Promise<MlpResult> {
  const { x, a, b, activation } = p;
  if (a.cols !== x.cols) {
    throw new RangeError(`mlp: A [hidden, d_in]: expected ${x.cols} columns, got ${a.cols}`);
  }
  if (b.cols !== a.rows) {
    throw new RangeError(`mlp: B [d_out, hidden]: expected ${a.rows} columns, got ${b.cols}`);
  }
  const packed = tf.tidy(() => {
    const preActivations = tf.matMul(upload(tf, x), upload(tf, a), false, true);
    const hidden = activateTf(tf, activation, preActivations);
    const out = tf.matMul(hidden, upload(tf, b), false, true);
    return tf.concat([preActivations, hidden, out].map((t) => tf.reshape(t, [-1])));
  });
  const flat = await readAndDispose(tf, packed);
  const [preActivations, hidden, out] = unpack(flat, [
    [x.rows, a.rows],
    [x.rows, a.rows],
    [x.rows, b.rows],
  ]);
  return { preActivations, hidden, out };
}
