import { checkHopfieldParams, type HopfieldParams, type HopfieldResult } from "../core/hopfield";
import { readAndDispose, unpack, upload } from "./compute";
import type { Tf } from "./types";

type Tensor = ReturnType<Tf["tensor"]>;

/**
 * E(Ξ) for every row of Ξ [M, d], [M, 1], in core's cancellation-free form (see `hopfieldEnergy`):
 * `½‖ξ − x_k‖² + ½(M² − ‖x_k‖²) − β⁻¹ log1p(mean_i expm1(β(s_i − s_k)))`, k = arg max_i s_i.
 * In float32 the textbook `−lse + ½ξᵀξ + β⁻¹ log N + ½M²` loses ~1e-5 to rounding near a pattern.
 */
function energyTf(tf: Tf, patterns: Tensor, norms: Tensor, states: Tensor, beta: number): Tensor {
  const s = tf.matMul(states, patterns, false, true);
  const nearest = tf.argMax(s, 1);
  const top = tf.max(s, 1, true);
  const spread = tf.div(tf.log1p(tf.mean(tf.expm1(tf.mul(tf.sub(s, top), beta)), 1, true)), beta);
  const distanceSq = tf.sum(tf.square(tf.sub(states, tf.gather(patterns, nearest))), 1, true);
  const normGap = tf.sub(tf.max(norms), tf.reshape(tf.gather(norms, nearest), [-1, 1]));
  return tf.sub(tf.mul(tf.add(distanceSq, normGap), 0.5), spread);
}

/**
 * Core's `hopfieldRetrieve` computed with tfjs on the current backend: `steps` updates
 * `Ξ ← softmaxRows(β Ξ Xᵀ) X` with the weights of each and the energy before and after each.
 * Shapes as in core. Everything is packed into one tensor and read back once; every
 * intermediate dies in `tf.tidy`.
 */
export async function hopfieldTf(tf: Tf, p: HopfieldParams): Promise<HopfieldResult> {
  const { n, d, m } = checkHopfieldParams(p);
  const { beta, steps } = p;
  const packed = tf.tidy(() => {
    const patterns = upload(tf, p.patterns);
    const norms = tf.sum(tf.square(patterns), 1);
    let states: Tensor = upload(tf, p.states);
    const statesOut: Tensor[] = [];
    const weightsOut: Tensor[] = [];
    const energies: Tensor[] = [energyTf(tf, patterns, norms, states, beta)];
    for (let t = 0; t < steps; t++) {
      const weights = tf.softmax(tf.mul(tf.matMul(states, patterns, false, true), beta));
      states = tf.matMul(weights, patterns);
      weightsOut.push(weights);
      statesOut.push(states);
      energies.push(energyTf(tf, patterns, norms, states, beta));
    }
    const parts = [...statesOut, ...weightsOut, tf.concat(energies, 1)];
    return tf.concat(parts.map((t) => tf.reshape(t, [-1])));
  });
  const flat = await readAndDispose(tf, packed);
  const shapes: [number, number][] = [
    ...Array.from({ length: steps }, (): [number, number] => [m, d]),
    ...Array.from({ length: steps }, (): [number, number] => [m, n]),
    [m, steps + 1],
  ];
  const matrices = unpack(flat, shapes);
  return {
    states: matrices.slice(0, steps),
    weights: matrices.slice(steps, 2 * steps),
    energies: matrices[2 * steps],
  };
}
