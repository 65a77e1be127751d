import { useInContextRegression } from "../../state/inContextRegressionContext";
import { changesSinceBaseline } from "../../state/inContextRegressionStats";
import { formatDifference, formatValue, inputLabels } from "./format";

/**
 * The weights the layers apply to a query, W_eff, read from the engine's fast weights, beside the
 * weights gradient descent reaches in as many steps: equal, and both move whenever an example
 * moves. Numbers, not colours: the point is that they match to the last digit shown.
 */
export function EffectiveWeights() {
  const result = useInContextRegression((s) => s.result);
  const change = useInContextRegression((s) =>
    s.result && s.baseline ? changesSinceBaseline(s.result, s.baseline).effective : null,
  );
  if (!result) return null;
  const k = result.job.layers;
  const gd = result.gd.weights[k - 1];
  const labels = inputLabels(gd.rows);
  return (
    <div className="dw-icr-effective" data-kind="effective">
      <table className="dw-icr-table">
        <caption>The weights applied to a query, computed from the context</caption>
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">W_eff of the {k === 1 ? "layer" : `${k} layers`}</th>
            <th scope="col">W after {k === 1 ? "one gradient step" : `${k} gradient steps`}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label, a) => (
            <tr key={label} data-input={a}>
              <th scope="row">{label}</th>
              <td data-cell="effective">{formatValue(result.effective.data[a])}</td>
              <td data-cell="gd">{formatValue(gd.data[a])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-readout="effective-change" data-value={change ?? ""}>
        Largest change in W_eff since you last changed d, η, N or K:{" "}
        <strong>{change === null ? "computing…" : formatDifference(change)}</strong>
      </p>
    </div>
  );
}
