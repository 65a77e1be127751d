import type { TransformerShape } from "./transformerModel";
import type { NamedArrays } from "./types";

/*
 * An induction circuit written by hand (Olsson et al. 2022, §2), to show the attention-only
 * transformer can express it and to test the probe against a model whose behaviour we know.
 * The residual stream is split into one-hot slots:
 *
 *   dims  0 … V−1         the current token        (W_E)
 *   dims  V … V+T−1       the position             (W_pos)
 *   dims  V+T … 2V+T−1    the previous token       (written by layer 1's head)
 *   dims  2V+T … 3V+T−1   the predicted next token (written by layer 2's head, read by W_U)
 *   dim   3V+T            a constant 1 (every token's embedding has it)
 *
 * Layer 1, previous-token head: the query of position t matches the key of position t − 1
 * (positions only); its value is the token there. Layer 2, induction head: the query (current
 * token x_t) matches keys whose previous-token slot holds x_t, i.e. the position right after the
 * earlier occurrence of x_t; its value is the token there, which W_U turns into the prediction.
 * Position 0 has no previous token (its head can only attend to itself, and would write x_0 into
 * the slot), so layer 2's keys push it away through the constant dimension.
 */

/** The shape the circuit needs: one head a layer, d_head = T (≥ V + 1), d_model = 3V + T + 1. */
export function inductionCircuitShape(vocab: number, context: number): TransformerShape {
  if (context < vocab + 1) throw new RangeError("inductionCircuit: needs T ≥ V + 1");
  return { vocab, context, dModel: 3 * vocab + context + 1, heads: 1, dHead: context, layers: 2 };
}

/**
 * The circuit's parameters. `sharpness` is each matching score before the 1/√d_head scale (the
 * softmax's inverse temperature × √d_head); `confidence` is the logit of the copied token.
 */
export function inductionCircuit(
  vocab: number,
  context: number,
  sharpness = 30 * Math.sqrt(context),
  confidence = 12,
): { shape: TransformerShape; params: NamedArrays } {
  const shape = inductionCircuitShape(vocab, context);
  const { dModel, dHead } = shape;
  const token = 0;
  const position = vocab;
  const previous = vocab + context;
  const predicted = 2 * vocab + context;
  const constant = 3 * vocab + context;
  const zeros = (rows: number, cols: number) => ({
    shape: [rows, cols],
    values: new Float32Array(rows * cols),
  });
  const params: NamedArrays = {
    embed: zeros(vocab, dModel),
    position: zeros(context, dModel),
    "layer1.wq": zeros(dModel, dHead),
    "layer1.wk": zeros(dModel, dHead),
    "layer1.wv": zeros(dModel, dHead),
    "layer1.wo": zeros(dHead, dModel),
    "layer2.wq": zeros(dModel, dHead),
    "layer2.wk": zeros(dModel, dHead),
    "layer2.wv": zeros(dModel, dHead),
    "layer2.wo": zeros(dHead, dModel),
    unembed: zeros(dModel, vocab),
  };
  const set = (name: string, row: number, col: number, value: number) => {
    const [, cols] = params[name].shape;
    params[name].values[row * cols + col] = value;
  };
  for (let v = 0; v < vocab; v++) {
    set("embed", v, token + v, 1);
    set("embed", v, constant, 1);
  }
  for (let t = 0; t < context; t++) set("position", t, position + t, 1);
  // Layer 1: q_t = sharpness·e_{t−1}, k_j = e_j (head dims indexed by position); value = token.
  for (let t = 1; t < context; t++) set("layer1.wq", position + t, t - 1, sharpness);
  for (let j = 0; j < context; j++) set("layer1.wk", position + j, j, 1);
  for (let v = 0; v < vocab; v++) {
    set("layer1.wv", token + v, v, 1);
    set("layer1.wo", v, previous + v, 1);
    // Layer 2: q_t = sharpness·e_{x_t}, k_j = e_{previous token at j}; value = token at j.
    set("layer2.wq", token + v, v, sharpness);
    set("layer2.wk", previous + v, v, 1);
    set("layer2.wv", token + v, v, 1);
    set("layer2.wo", v, predicted + v, 1);
    set("unembed", predicted + v, v, confidence);
  }
  // Layer 2's head dimension V: q = sharpness (from the constant), k = −1 at position 0 only.
  set("layer2.wq", constant, vocab, sharpness);
  set("layer2.wk", position, vocab, -1);
  return { shape, params };
}
