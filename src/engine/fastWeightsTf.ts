import {
  checkLinearAttentionParams,
  type FeatureMap,
  type LinearAttentionParams,
  type LinearAttentionResult,
} from "../core/fastWeights";
import { readAndDispose, unpack, upload } from "./compute";
import type { Tf } from "./types";

type Tensor = ReturnType<Tf["tensor"]>;

/** φ in tfjs: identity, or elu(x) + 1 written as where(x > 0, x + 1, exp(x)), as core computes it. */
function featureMapTf(tf: Tf, x: Tensor, featureMap: FeatureMap): Tensor {
  if (featureMap === "identity") return x;
  // exp(min(x, 0)) keeps the untaken branch finite, so a large positive x cannot leak ∞ into where.
  return tf.where(tf.greater(x, 0), tf.add(x, 1), tf.exp(tf.minimum(x, 0)));
}

/**
 * Core's `linearAttention` computed with tfjs on the current backend: `S = tril(φ(Q)φ(K)ᵀ)`,
 * `z = S·1`, `weights = S / z` row by row when normalising (`divNoNan`: a zero z gives a zero
 * row, as in core), `out = weights·V`. Shapes as in core. The six results are packed into one
 * tensor and read back once; every intermediate dies in `tf.tidy`.
 */
export async function linearAttentionTf(tf: Tf, p: LinearAttentionParams): Promise<LinearAttentionResult> {
  const { n, dK, dV } = checkLinearAttentionParams(p);
  const packed = tf.tidy(() => {
    const phiQ = featureMapTf(tf, upload(tf, p.q), p.featureMap);
    const phiK = featureMapTf(tf, upload(tf, p.k), p.featureMap);
    // 1 where key i may be seen by query t (i ≤ t): built from ranges, nothing n × n uploaded.
    const visible = tf.cast(
      tf.lessEqual(tf.reshape(tf.range(0, n), [1, n]), tf.reshape(tf.range(0, n), [n, 1])),
      "float32",
    );
    const scores = tf.mul(tf.matMul(phiQ, phiK, false, true), visible);
    const normalisers = tf.sum(scores, 1, true);
    const weights = p.normalise ? tf.divNoNan(scores, normalisers) : scores;
    const out = tf.matMul(weights, upload(tf, p.v));
    return tf.concat([phiQ, phiK, scores, normalisers, weights, out].map((t) => tf.reshape(t, [-1])));
  });
  const flat = await readAndDispose(tf, packed);
  const [phiQ, phiK, scores, normalisers, weights, out] = unpack(flat, [
    [n, dK],
    [n, dK],
    [n, n],
    [n, 1],
    [n, n],
    [n, dV],
  ]);
  return { phiQ, phiK, scores, normalisers, weights, out };
}
