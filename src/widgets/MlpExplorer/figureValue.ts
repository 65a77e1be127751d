import { toRows } from "../../core/matrix";
import type { Activation } from "../../core/mlp";
import { type MlpChangeCounts, mlpChangeCounts } from "../../state/mlpCounters";
import { currentMlpResult, type MlpState } from "../../state/mlpStore";

/** What a host page reads from the MLP widget's root element as `element.value`. */
export interface MlpFigureValue {
  tokens: string[];
  /** Token embeddings X, one [x, y] per token. */
  points: number[][];
  activation: Activation;
  seed: number;
  /** A [hidden, 2] and B [2, hidden] as they are now. */
  a: number[][];
  b: number[][];
  /** The result on screen (null while the first one computes): Z = XAᵀ, H = σ(Z), out = HBᵀ. */
  preActivations: number[][] | null;
  hidden: number[][] | null;
  out: number[][] | null;
  counts: MlpChangeCounts;
}

export function figureValue(s: MlpState): MlpFigureValue {
  const result = currentMlpResult(s);
  return {
    tokens: [...s.tokens],
    points: toRows(s.points),
    activation: s.activation,
    seed: s.seed,
    a: toRows(s.a),
    b: toRows(s.b),
    preActivations: result ? toRows(result.preActivations) : null,
    hidden: result ? toRows(result.hidden) : null,
    out: result ? toRows(result.out) : null,
    counts: mlpChangeCounts({ ...s, result }),
  };
}

/**
 * Publishes the widget's state on its root element: `value` is a getter (built only when read),
 * and a bubbling `input` event fires whenever a new result lands, so any host can follow it.
 */
export function publishFigureValue(
  element: HTMLElement,
  store: { getState(): MlpState; subscribe(listener: (s: MlpState) => void): () => void },
): () => void {
  Object.defineProperty(element, "value", { configurable: true, get: () => figureValue(store.getState()) });
  let version = store.getState().resultVersion;
  const unsubscribe = store.subscribe((s) => {
    if (s.resultVersion === version) return;
    version = s.resultVersion;
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return () => {
    unsubscribe();
    Reflect.deleteProperty(element, "value");
  };
}
