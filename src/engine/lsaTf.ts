import {
  checkLsaParams,
  type LsaLayer,
  type LsaParams,
  type LsaResult,
  lsaTokens,
} from "../core/linearSelfAttention";
import { readAndDispose, unpack, upload } from "./compute";
import type { Tf } from "./types";

type Tensor2D = ReturnType<Tf["tensor2d"]>;

/**
 * Core's `lsaForward` computed with tfjs: stacked linear self-attention layers on the tokens
 * E [N + M, D] (context rows (x_i, y_i), then query rows (x_q, 0)). Per layer, with C the first N
 * rows of E: `K = C·W_K`, `V = C·W_V`, `S = (E·W_Q)·Kᵀ [N+M, N]`, `E ← E + S·V·P`; the fast
 * weights `F = W_Q·(KᵀV)·P [D, D]`; predictions are minus the queries' y-slots, `[M, d_y]`.
 *
 * Every query goes through in the same call: queries are never keys, so they do not see each
 * other. All layers' predictions and fast weights and the final tokens are packed into one tensor
 * and read back once; every intermediate dies in `tf.tidy`.
 */
export async function lsaTf(tf: Tf, p: LsaParams): Promise<LsaResult> {
  const { n, m, d, dY } = checkLsaParams(p);
  const width = d + dY;
  const layerCount = p.layers.length;
  const packed = tf.tidy(() => {
    // The constructed stack repeats one layer K times: upload each distinct layer once.
    const uploaded = new Map<LsaLayer, Record<keyof LsaLayer, Tensor2D>>();
    const tensorsOf = (layer: LsaLayer) => {
      let found = uploaded.get(layer);
      if (!found) {
        found = {
          wk: upload(tf, layer.wk),
          wq: upload(tf, layer.wq),
          wv: upload(tf, layer.wv),
          projection: upload(tf, layer.projection),
        };
        uploaded.set(layer, found);
      }
      return found;
    };
    let tokens: Tensor2D = upload(tf, lsaTokens(p.context, p.queries));
    const predictions: Tensor2D[] = [];
    const fastWeights: Tensor2D[] = [];
    for (const layer of p.layers) {
      const { wk, wq, wv, projection } = tensorsOf(layer);
      const context = tf.slice(tokens, [0, 0], [n, width]);
      const keys = tf.matMul(context, wk);
      const values = tf.matMul(context, wv);
      const scores = tf.matMul(tf.matMul(tokens, wq), keys, false, true);
      tokens = tf.add(tokens, tf.matMul(tf.matMul(scores, values), projection));
      fastWeights.push(tf.matMul(tf.matMul(wq, tf.matMul(keys, values, true, false)), projection));
      predictions.push(tf.neg(tf.slice(tokens, [n, d], [m, dY])));
    }
    return tf.concat([...predictions, ...fastWeights, tokens].map((t) => tf.reshape(t, [-1])));
  });
  const flat = await readAndDispose(tf, packed);
  const matrices = unpack(flat, [
    ...Array.from({ length: layerCount }, (): [number, number] => [m, dY]),
    ...Array.from({ length: layerCount }, (): [number, number] => [width, width]),
    [n + m, width],
  ]);
  return {
    predictions: matrices.slice(0, layerCount),
    fastWeights: matrices.slice(layerCount, 2 * layerCount),
    tokens: matrices[2 * layerCount],
  };
}
