import { useMlp } from "../../state/mlpContext";
import { mlpChangeCounts } from "../../state/mlpCounters";
import { currentMlpResult } from "../../state/mlpStore";

const show = (count: number | null) => (count === null ? "–" : String(count));

/**
 * What changed since the count started, computed from the real matrices on every update: the
 * entries of A and B against copies taken at load, and the hidden activations and on/off
 * switches against the result when the count (re)started. Each selector returns a number, so
 * the counters re-render only when a count changes.
 */
export function ChangeCounters() {
  const parameters = useMlp((s) => mlpChangeCounts({ ...s, result: null }).parameters);
  const activations = useMlp((s) => mlpChangeCounts({ ...s, result: currentMlpResult(s) }).activations);
  const gates = useMlp((s) => mlpChangeCounts({ ...s, result: currentMlpResult(s) }).gates);
  const total = useMlp((s) => s.a.data.length + s.b.data.length);
  const hidden = useMlp((s) => s.tokens.length * s.a.rows);

  return (
    <ul className="dw-mlp-counters">
      <li data-counter="parameters" className={parameters === 0 ? "dw-counter-zero" : undefined}>
        <span className="dw-counter-value">parameters changed: {parameters}</span>
        <span className="dw-counter-of"> of {total} entries of A and B</span>
      </li>
      <li data-counter="activations">
        <span className="dw-counter-value">hidden activations changed: {show(activations)}</span>
        <span className="dw-counter-of"> of {hidden}</span>
      </li>
      <li data-counter="gates">
        <span className="dw-counter-value">units switched on/off: {show(gates)}</span>
      </li>
    </ul>
  );
}
