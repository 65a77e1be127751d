import { useBilinear } from "../../state/bilinearContext";
import type { BilinearReadout } from "../../state/bilinearReadout";
import { formatDifference, formatTerm } from "./format";

/**
 * The score s_ij as the sum of its terms x_i[a]·M[a,b]·x_j[b], one row per (a, b), each marked
 * with how many input entries it multiplies (two), then the sum beside core attention's score.
 */
export function TermsTable({ readout }: { readout: BilinearReadout }) {
  const tokens = useBilinear((s) => s.tokens);
  const query = useBilinear((s) => s.query);
  const key = useBilinear((s) => s.key);
  const d = readout.m.rows;
  const rows: { a: number; b: number }[] = [];
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) rows.push({ a, b });

  return (
    <section className="dw-panel" aria-label="The score as a sum of products of input entries">
      <p className="dw-panel-title">
        s<sub>ij</sub> for query “{tokens[query]}” and key “{tokens[key]}”
      </p>
      <table className="dw-bilinear-table" data-table="score-terms">
        <thead>
          <tr>
            <th scope="col">(a, b)</th>
            <th scope="col">
              x<sub>i</sub>[a]
            </th>
            <th scope="col">M[a,b]</th>
            <th scope="col">
              x<sub>j</sub>[b]
            </th>
            <th scope="col">term</th>
            <th scope="col">input entries</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ a, b }) => (
            <tr key={`${a}-${b}`} data-term={`${a},${b}`} data-input-factors={2}>
              <th scope="row">
                ({a + 1}, {b + 1})
              </th>
              <td>{formatTerm(readout.xi[a])}</td>
              <td>{formatTerm(readout.m.data[a * d + b])}</td>
              <td>{formatTerm(readout.xj[b])}</td>
              <td data-value={readout.terms.data[a * d + b]}>{formatTerm(readout.terms.data[a * d + b])}</td>
              <td>2</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-readout="sum" data-value={readout.sum}>
            <th scope="row" colSpan={4}>
              sum of the terms
            </th>
            <td>{formatTerm(readout.sum)}</td>
            <td />
          </tr>
          <tr data-readout="score" data-value={readout.attentionScore}>
            <th scope="row" colSpan={4}>
              attention score (QKᵀ/√d)<sub>ij</sub>
            </th>
            <td>{formatTerm(readout.attentionScore)}</td>
            <td />
          </tr>
          <tr data-readout="difference" data-value={readout.difference}>
            <th scope="row" colSpan={4}>
              difference
            </th>
            <td>{formatDifference(readout.difference)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
