import { constructGdLayer } from "../../core/linearSelfAttention";
import type { Matrix } from "../../core/matrix";
import type { BatchArrays, NamedArrays, Trainer } from "./types";

/*
 * Test helpers for the regression experiments (node tests only): the constructed gradient-step
 * layer as trained parameters, and one gradient step computed directly on a batch's tasks.
 */

/**
 * von Oswald et al.'s one-step layer for learning rate η in the training convention (the sum
 * averaged over N, so P = η·I rather than Part II's (η/N)·I), as the lsa model's parameters.
 */
export function gdLayerParameters(inputDim: number, eta: number): NamedArrays {
  // With N = 1, constructGdLayer's projection (η/N)·I is already η·I.
  const layer = constructGdLayer(inputDim, 1, eta, 1);
  const entry = (m: Matrix) => ({ shape: [m.rows, m.cols], values: Float32Array.from(m.data) });
  return {
    wk: entry(layer.wk),
    wq: entry(layer.wq),
    wv: entry(layer.wv),
    projection: entry(layer.projection),
  };
}

/** Puts `lsa` into the trainer's lsa model (other models unchanged), at step 0. */
export async function setLsa(trainer: Trainer<unknown>, lsa: NamedArrays): Promise<void> {
  const state = await trainer.exportState();
  trainer.restore({ ...state, step: 0, params: { ...state.params, lsa } });
}

/**
 * Per task of a regression batch, ½(ŷ − y)² of one gradient step from 0 with rate η:
 * ŵ = η·(1/N)·Σ y_i x_i, ŷ = x_q·ŵ (float64). Returns the mean and its standard error.
 */
export function gdLossOnTasks(arrays: BatchArrays, eta: number): { mean: number; standardError: number } {
  const [b, n, width] = arrays.contexts.shape;
  const d = width - 1;
  const contexts = arrays.contexts.values;
  const queries = arrays.queries.values;
  const targets = arrays.targets.values;
  let sum = 0;
  let sumOfSquares = 0;
  const w = new Float64Array(d);
  for (let t = 0; t < b; t++) {
    w.fill(0);
    for (let i = 0; i < n; i++) {
      const row = (t * n + i) * width;
      for (let c = 0; c < d; c++) w[c] += (eta / n) * contexts[row + d] * contexts[row + c];
    }
    let prediction = 0;
    for (let c = 0; c < d; c++) prediction += w[c] * queries[t * d + c];
    const loss = 0.5 * (prediction - targets[t]) ** 2;
    sum += loss;
    sumOfSquares += loss * loss;
  }
  const mean = sum / b;
  return { mean, standardError: Math.sqrt((sumOfSquares / b - mean * mean) / b) };
}
