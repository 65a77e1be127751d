import { BACKEND_LABEL, isBackendName } from "../../engine";
import { useInContextRegression } from "../../state/inContextRegressionContext";
import { formatDifference, formatValue } from "./format";

const backendName = (backend: string | null) =>
  backend && isBackendName(backend) ? BACKEND_LABEL[backend] : "the engine";

/**
 * How closely the attention layers (engine) and gradient descent (core) agree: the largest
 * difference over the queries after K, and, layer by layer, after each k ≤ K with the loss L(W_k).
 */
export function AgreementPanel() {
  const result = useInContextRegression((s) => s.result);
  if (!result) {
    return (
      <p className="dw-icr-agreement" data-readout="max-difference" data-value="">
        Computing the attention layers…
      </p>
    );
  }
  const k = result.job.layers;
  return (
    <div className="dw-icr-agreement">
      <p data-readout="max-difference" data-value={result.maxDifference} data-backend={result.backend ?? ""}>
        Largest |attention − gradient descent| over the {result.job.queries.rows} queries after K = {k}:{" "}
        <strong>{formatDifference(result.maxDifference)}</strong>{" "}
        <span className="dw-icr-backend">(attention computed on {backendName(result.backend)})</span>
      </p>
      <details className="dw-icr-steps">
        <summary>Layer by layer: layer k against step k</summary>
        <table className="dw-icr-table">
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col">Loss L(W_k) on the examples</th>
              <th scope="col">Largest |layer k − step k|</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">0</th>
              <td>{formatValue(result.gd.initialLoss)}</td>
              <td>(no layer yet: W_0 = 0)</td>
            </tr>
            {result.layerDifferences.map((difference, l) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: row l is layer l + 1
              <tr key={l} data-layer={l + 1}>
                <th scope="row">{l + 1}</th>
                <td>{formatValue(result.gd.losses[l])}</td>
                <td>{formatDifference(difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
