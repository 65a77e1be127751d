import type { Rng } from "./rng";

/*
 * The task distribution of Part III's in-context regression (von Oswald et al. 2023): every task
 * draws its own weights w, so no fixed weights can solve the tasks; a model must read w off the
 * N examples in its context. Row vectors as everywhere in src/core: a token is the row (x_i, y_i).
 */

export interface RegressionTaskOptions {
  /** N: context examples per task. */
  examples: number;
  /** d: input size. */
  inputDim: number;
  /** a: inputs are uniform in [−a, a]^d (training: 1). */
  inputScale: number;
}

export interface RegressionBatch {
  batch: number;
  examples: number;
  inputDim: number;
  /** [B, N, d+1] row-major: token rows (x_i, y_i). */
  contexts: Float32Array;
  /** [B, d]: the query inputs x_q. */
  queries: Float32Array;
  /** [B]: the query targets y_q = w·x_q. */
  targets: Float32Array;
}

/** Limits that keep a batch a few megabytes at most, whatever a URL or a checkpoint asks for. */
export const MAX_EXAMPLES = 1024;
export const MAX_INPUT_DIM = 256;
export const MAX_BATCH = 65536;

const isWhole = (value: number, low: number, high: number) =>
  Number.isInteger(value) && value >= low && value <= high;

/** Throws a RangeError that names the bad option unless N, d are whole and a is finite and positive. */
export function checkRegressionTaskOptions(options: RegressionTaskOptions): void {
  const { examples, inputDim, inputScale } = options;
  if (!isWhole(examples, 1, MAX_EXAMPLES)) {
    throw new RangeError(
      `regression tasks: examples N must be a whole number from 1 to ${MAX_EXAMPLES}, got ${examples}`,
    );
  }
  if (!isWhole(inputDim, 1, MAX_INPUT_DIM)) {
    throw new RangeError(
      `regression tasks: input size d must be a whole number from 1 to ${MAX_INPUT_DIM}, got ${inputDim}`,
    );
  }
  if (!(Number.isFinite(inputScale) && inputScale > 0)) {
    throw new RangeError(
      `regression tasks: input scale a must be a finite number above 0, got ${inputScale}`,
    );
  }
}

/**
 * Draws B tasks: w ~ N(0, I_d), x ~ U(−a, a)^d (context and query), y = w·x, no noise.
 *
 * The rng is called in this order, task after task, so a seed fixes the batch:
 *   1. d normals for w (w_1 … w_d),
 *   2. the N context inputs, each d uniforms (x_i = a·(2u − 1), coordinate by coordinate),
 *   3. the query input x_q, d uniforms.
 * Inputs are rounded to float32 first and y = w·x is summed in float64 from those rounded inputs,
 * so every stored target is the float32 rounding of the exact w·x of the stored x.
 */
export function sampleRegressionBatch(
  rng: Rng,
  batch: number,
  options: RegressionTaskOptions,
): RegressionBatch {
  checkRegressionTaskOptions(options);
  if (!isWhole(batch, 1, MAX_BATCH)) {
    throw new RangeError(
      `regression tasks: batch B must be a whole number from 1 to ${MAX_BATCH}, got ${batch}`,
    );
  }
  const { examples: n, inputDim: d, inputScale: a } = options;
  const width = d + 1;
  const contexts = new Float32Array(batch * n * width);
  const queries = new Float32Array(batch * d);
  const targets = new Float32Array(batch);
  const w = new Float64Array(d);
  const x = new Float64Array(d);

  // Draws x into `x` (float32-rounded) and returns w·x.
  const drawExample = () => {
    let y = 0;
    for (let c = 0; c < d; c++) {
      x[c] = Math.fround(a * (2 * rng.next() - 1));
      y += w[c] * x[c];
    }
    return y;
  };

  for (let t = 0; t < batch; t++) {
    for (let c = 0; c < d; c++) w[c] = rng.normal();
    for (let i = 0; i < n; i++) {
      const y = drawExample();
      const row = (t * n + i) * width;
      contexts.set(x, row);
      contexts[row + d] = y;
    }
    targets[t] = drawExample();
    queries.set(x, t * d);
  }
  return { batch, examples: n, inputDim: d, contexts, queries, targets };
}
