import type { AttentionParams, AttentionResult } from "../core/attention";
import { assertShape, type Matrix, matrix } from "../core/matrix";
import type { Activation, MlpParams, MlpResult } from "../core/mlp";
import type { Tf } from "./types";

type Tensor2D = ReturnType<Tf["tensor2d"]>;
type Tensor = ReturnType<Tf["tensor"]>;

// Added to masked logits inside tfjs: exp(−1e9 − max) is exactly 0 in float32, and unlike −∞ it
// cannot turn into NaN (∞ − ∞) on GPUs with loose IEEE handling. The returned scores get −∞ in JS.
const MASKED_LOGIT = -1e9;
// √(2/π), the constant of the tanh approximation to GELU (same as core's `activate`).
const GELU_C = Math.sqrt(2 / Math.PI);

function upload(tf: Tf, m: Matrix): Tensor2D {
  return tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols], "float32");
}

/** Reads a tensor back asynchronously (never `dataSync`, which stalls the page) and frees it. */
async function readAndDispose(tf: Tf, packed: Tensor): Promise<Float32Array> {
  try {
    return (await packed.data()) as Float32Array;
  } finally {
    tf.dispose(packed);
  }
}

/** Cuts one readback into matrices of the given shapes, in order. */
function unpack(flat: Float32Array, shapes: readonly [number, number][]): Matrix[] {
  let offset = 0;
  return shapes.map(([rows, cols]) => {
    const m = matrix(rows, cols, flat.subarray(offset, offset + rows * cols));
    offset += rows * cols;
    return m;
  });
}

/** Same checks and messages as core's `attention`, so both paths reject the same inputs. */
function checkAttention(p: AttentionParams): { n: number; dK: number; dV: number; temperature: number } {
  const n = p.x.rows;
  const dModel = p.x.cols;
  const dK = p.wq.cols;
  const temperature = p.temperature ?? 1;
  if (n < 1) throw new RangeError("attention: need at least one token (n ≥ 1)");
  if (dModel < 1) throw new RangeError("attention: d_model must be ≥ 1");
  if (dK < 1) throw new RangeError("attention: d_k must be ≥ 1");
  assertShape(p.wq, dModel, dK, "W_Q [d_model, d_k]");
  assertShape(p.wk, dModel, dK, "W_K [d_model, d_k]");
  if (p.wv.rows !== dModel) {
    throw new RangeError(`attention: W_V [d_model, d_v]: expected ${dModel} rows, got ${p.wv.rows}`);
  }
  if (!Number.isFinite(temperature) || temperature <= 0) {
    throw new RangeError(`attention: temperature must be finite and > 0, got ${temperature}`);
  }
  return { n, dK, dV: p.wv.cols, temperature };
}

/**
 * Core's `attention` computed with tfjs on the current backend:
 * `Q = XW_Q, K = XW_K, V = XW_V, S = QKᵀ/√d_k, A = softmaxRows(S/τ)` (−∞ above the diagonal when
 * causal), `out = AV`. Shapes as in core. All six results are packed into one tensor so the GPU
 * is read back once per update; every intermediate tensor dies in `tf.tidy`.
 */
export async function attentionTf(tf: Tf, p: AttentionParams): Promise<AttentionResult> {
  const { n, dK, dV, temperature } = checkAttention(p);
  const packed = tf.tidy(() => {
    const x = upload(tf, p.x);
    const q = tf.matMul(x, upload(tf, p.wq));
    const k = tf.matMul(x, upload(tf, p.wk));
    const v = tf.matMul(x, upload(tf, p.wv));
    const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dK));
    let logits: Tensor = temperature === 1 ? scores : tf.div(scores, temperature);
    if (p.causal) {
      const later = tf.greater(tf.reshape(tf.range(0, n), [1, n]), tf.reshape(tf.range(0, n), [n, 1]));
      logits = tf.add(logits, tf.mul(tf.cast(later, "float32"), MASKED_LOGIT));
    }
    const weights = tf.softmax(logits);
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
  if (p.causal) {
    // Same convention as core: a masked score is −∞ and its weight exactly 0.
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
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
