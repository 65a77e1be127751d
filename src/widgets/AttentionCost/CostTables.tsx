import { useCost } from "../../state/largeAttentionCostContext";
import { COST_NS, matrixBytes } from "../../state/largeAttentionCostStore";
import { formatBytes } from "../LargeAttention/UpdateReadout";
import { backendLabel } from "./CostChart";

const formatMs = (ms: number) =>
  ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toString();

/** The measured milliseconds as a table: the chart's numbers for readers who cannot see it, and exact. */
export function ResultsTable() {
  const points = useCost((s) => s.points);
  const plan = useCost((s) => s.plan);
  const slowAt = useCost((s) => s.slowAt);
  const failures = useCost((s) => s.failures);
  const d = useCost((s) => s.measuredD);
  const backends = plan.map((p) => p.backend);
  if (backends.length === 0) return null;
  const cell = (backend: string, n: number) => {
    const point = points.find((p) => p.backend === backend && p.n === n);
    if (point) return formatMs(point.ms);
    const entry = plan.find((p) => p.backend === backend);
    if (entry?.cappedAt !== null && entry?.cappedAt !== undefined && n >= entry.cappedAt)
      return "over its cap";
    if (slowAt[backend] !== undefined && n > slowAt[backend]) return "skipped (> 2 s)";
    if (failures[backend] !== undefined) return "failed";
    return "–";
  };
  return (
    <table className="dw-cost-table" data-table="results">
      <caption>Milliseconds per update, d = {d}</caption>
      <thead>
        <tr>
          <th scope="col">n</th>
          {backends.map((b) => (
            <th key={b} scope="col">
              {backendLabel(b)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {COST_NS.map((n) => (
          <tr key={n}>
            <th scope="row">{n}</th>
            {backends.map((b) => (
              <td key={b} data-backend={b} data-n={n}>
                {cell(b, n)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Memory of the n × n matrices of one head in float32: n²·4 bytes each, scores and weights twice that. */
export function MemoryTable() {
  return (
    <table className="dw-cost-table" data-table="memory">
      <caption>Memory of the n × n matrices of one head (float32)</caption>
      <thead>
        <tr>
          <th scope="col">n</th>
          <th scope="col">entries n²</th>
          <th scope="col">one matrix</th>
          <th scope="col">scores + weights</th>
        </tr>
      </thead>
      <tbody>
        {COST_NS.map((n) => (
          <tr key={n}>
            <th scope="row">{n}</th>
            <td>{(n * n).toLocaleString("en")}</td>
            <td>{formatBytes(matrixBytes(n))}</td>
            <td>{formatBytes(2 * matrixBytes(n))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
