import { useInContextRegression } from "../../state/inContextRegressionContext";
import { formatDifference, formatValue } from "./format";

/**
 * The d-D figure: d-dimensional inputs cannot be drawn, so the queries' predictions are listed,
 * gradient descent's (core) beside the attention layers' (engine), all for the same job.
 */
export function QueryTable() {
  const result = useInContextRegression((s) => (s.result?.job.mode === "space" ? s.result : null));
  const d = useInContextRegression((s) => s.queries.cols);
  const version = useInContextRegression((s) => s.resultVersion);
  if (!result) return <p className="dw-message">Computing the predictions…</p>;
  const k = result.job.layers;
  const gd = result.gd.predictions[k - 1].data;
  const lsa = result.lsa.predictions[k - 1].data;
  const { queries } = result.job;
  return (
    <section className="dw-panel dw-icr-queries" data-kind="queries" data-result-version={version}>
      <table className="dw-icr-table">
        <caption>
          Predictions for {queries.rows} query points in d = {d} after K = {k}
        </caption>
        <thead>
          <tr>
            <th scope="col">Query</th>
            <th scope="col">x_q (first coordinates)</th>
            <th scope="col">Gradient descent, {k} steps</th>
            <th scope="col">Attention, {k} layers</th>
            <th scope="col">|Difference|</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: queries.rows }, (_, m) => {
            const x = Array.from(queries.data.subarray(m * d, m * d + Math.min(d, 3)), formatValue);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: query m is its index (seeded, fixed per task)
              <tr key={m} data-query={m}>
                <th scope="row">{m + 1}</th>
                <td>
                  ({x.join(", ")}
                  {d > 3 ? ", …" : ""})
                </td>
                <td data-cell="gd">{formatValue(gd[m])}</td>
                <td data-cell="lsa">{formatValue(lsa[m])}</td>
                <td>{formatDifference(Math.abs(lsa[m] - gd[m]))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
