import type { Tf } from "../types";
import { variablesFrom, zerosLike } from "./parameters";
import type { NamedArrays, Tensor } from "./types";

/*
 * Adam (Kingma & Ba 2015), written out rather than taken from tfjs-layers so that its moments are
 * plain variables we can export with the parameters (TrainerState.adam) and restore on another
 * backend, and so that a step can be refused on the device when its loss is not finite.
 */

type Variable = ReturnType<Tf["variable"]>;

export interface AdamOptions {
  /** The step size α. */
  learningRate: number;
  /** Decay of the first moment (default 0.9). */
  beta1?: number;
  /** Decay of the second moment (default 0.999). */
  beta2?: number;
  /** Added to √v̂ so a coordinate with no gradient yet does not divide by 0 (default 1e-8). */
  epsilon?: number;
}

export interface Adam {
  /**
   * One update of every parameter from its gradient, as step t (1-based, for the bias
   * correction): m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², m̂ = m/(1 − β1ᵗ),
   * v̂ = v/(1 − β2ᵗ), θ ← θ − α·m̂/(√v̂ + ε). When `accept` (a boolean scalar) is false, parameters
   * and moments keep their old values. Call inside tf.tidy.
   */
  update(grads: Record<string, Tensor>, t: number, accept?: Tensor): void;
  /** The first moments m, one variable per parameter (for exporting with the parameters in one readback). */
  readonly m: Readonly<Record<string, Variable>>;
  /** The second moments v. */
  readonly v: Readonly<Record<string, Variable>>;
  /** Sets the moments (shapes as the parameters'). */
  restoreMoments(m: NamedArrays, v: NamedArrays): void;
  /** Zeros both moments. */
  clear(): void;
  dispose(): void;
}

/** Adam on the variables `params`, with moment variables of the same shapes (from `shapes`). */
export function createAdam(
  tf: Tf,
  params: Record<string, Variable>,
  shapes: NamedArrays,
  options: AdamOptions,
): Adam {
  const { learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  const m = variablesFrom(tf, zerosLike(shapes), false);
  const v = variablesFrom(tf, zerosLike(shapes), false);

  const setAll = (target: Record<string, Variable>, named: NamedArrays) =>
    tf.tidy(() => {
      for (const [name, variable] of Object.entries(target)) {
        variable.assign(tf.tensor(Float32Array.from(named[name].values), named[name].shape, "float32"));
      }
    });

  return {
    update(grads, t, accept) {
      const mScale = 1 / (1 - beta1 ** t);
      const vScale = 1 / (1 - beta2 ** t);
      const keep = (next: Tensor, old: Tensor) => (accept ? tf.where(accept, next, old) : next);
      for (const [name, param] of Object.entries(params)) {
        const g = grads[name];
        if (!g) throw new Error(`Adam: no gradient for ${name}`);
        const m1 = tf.add(tf.mul(m[name], beta1), tf.mul(g, 1 - beta1));
        const v1 = tf.add(tf.mul(v[name], beta2), tf.mul(tf.square(g), 1 - beta2));
        const stepSize = tf.div(tf.mul(m1, mScale), tf.add(tf.sqrt(tf.mul(v1, vScale)), epsilon));
        param.assign(keep(tf.sub(param, tf.mul(stepSize, learningRate)), param));
        m[name].assign(keep(m1, m[name]));
        v[name].assign(keep(v1, v[name]));
      }
    },
    m,
    v,
    restoreMoments(mNamed, vNamed) {
      setAll(m, mNamed);
      setAll(v, vNamed);
    },
    clear() {
      setAll(m, zerosLike(shapes));
      setAll(v, zerosLike(shapes));
    },
    dispose() {
      for (const variable of [...Object.values(m), ...Object.values(v)]) variable.dispose();
    },
  };
}
