import { useSideBySide } from "../../state/sideBySideContext";
import { outputShift, sideBySideCounts } from "../../state/sideBySideStore";

const show = (count: number | null) => (count === null ? "–" : String(count));
const distance = (d: number | null) => (d === null ? "–" : d.toFixed(2));

/**
 * The counters, side by side, computed from the real matrices on every update (each selector
 * returns one number, so a counter re-renders only when its number changes).
 */
export function SideBySideCounters() {
  const mlpParameters = useSideBySide((s) => sideBySideCounts(s).mlpParameters);
  const attentionParameters = useSideBySide((s) => sideBySideCounts(s).attentionParameters);
  const attentionWeights = useSideBySide((s) => sideBySideCounts(s).attentionWeights);
  const mlpTotal = useSideBySide((s) => s.a.data.length + s.b.data.length);
  const attentionTotal = useSideBySide((s) => s.wq.data.length + s.wk.data.length + s.wv.data.length);
  const n = useSideBySide((s) => s.tokens.length);

  return (
    <ul className="dw-sbs-counters">
      <li data-counter="mlp-parameters">
        <span className="dw-counter-value">MLP parameters changed: {mlpParameters}</span>
        <span className="dw-counter-of"> of {mlpTotal} entries of A and B</span>
      </li>
      <li data-counter="attention-parameters">
        <span className="dw-counter-value">attention parameters changed: {attentionParameters}</span>
        <span className="dw-counter-of"> of {attentionTotal} entries of W_Q, W_K, W_V</span>
      </li>
      <li data-counter="attention-weights">
        <span className="dw-counter-value">attention weights changed: {show(attentionWeights)}</span>
        <span className="dw-counter-of"> of {n * n} entries of softmax(QKᵀ/√d)</span>
      </li>
    </ul>
  );
}

/** How far the watched output moved in each model since the drag (or the count) started. */
export function OutputShiftReadout() {
  const token = useSideBySide((s) => (s.selectedOutput === null ? null : s.tokens[s.selectedOutput]));
  const attention = useSideBySide((s) => distance(outputShift(s)?.attention ?? null));
  const mlp = useSideBySide((s) => distance(outputShift(s)?.mlp ?? null));
  if (token === null) return null;
  return (
    <p className="dw-sbs-shift" aria-live="polite" data-readout="shift">
      <span data-model="attention">
        attention output “{token}” moved by <strong>{attention}</strong>
      </span>
      ;{" "}
      <span data-model="mlp">
        MLP output “{token}” moved by <strong>{mlp}</strong>
      </span>
    </p>
  );
}
