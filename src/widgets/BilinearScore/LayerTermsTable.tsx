import { useId } from "react";
import { useBilinear } from "../../state/bilinearContext";
import type { BilinearReadout } from "../../state/bilinearReadout";
import { formatTerm } from "./format";

/**
 * The contrast: one hidden unit of the fixed MLP's first layer, z_h = Σ_a A[h,a]·x_i[a]. Each
 * term is a parameter times ONE input entry, so z_h is linear in the token.
 */
export function LayerTermsTable({ readout }: { readout: BilinearReadout }) {
  const unit = useBilinear((s) => s.unit);
  const units = useBilinear((s) => s.a.rows);
  const a = useBilinear((s) => s.a);
  const token = useBilinear((s) => s.tokens[s.query]);
  const setUnit = useBilinear((s) => s.setUnit);
  const selectId = useId();

  return (
    <section className="dw-panel" aria-label="A fixed layer's pre-activation as a sum of terms">
      <p className="dw-panel-title">
        Fixed layer: z<sub>h</sub> = Σ<sub>a</sub> A[h,a]·x<sub>i</sub>[a] for “{token}”
      </p>
      <label htmlFor={selectId}>Hidden unit h </label>
      <select id={selectId} value={unit} onChange={(event) => setUnit(Number(event.target.value))}>
        {Array.from({ length: units }, (_, h) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a unit is its index
          <option key={h} value={h}>
            h{h + 1}
          </option>
        ))}
      </select>
      <table className="dw-bilinear-table" data-table="layer-terms">
        <thead>
          <tr>
            <th scope="col">a</th>
            <th scope="col">A[h,a]</th>
            <th scope="col">
              x<sub>i</sub>[a]
            </th>
            <th scope="col">term</th>
            <th scope="col">input entries</th>
          </tr>
        </thead>
        <tbody>
          {readout.layer.terms.map((term, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an input coordinate is its index
            <tr key={k} data-term={String(k)} data-input-factors={1}>
              <th scope="row">{k + 1}</th>
              <td>{formatTerm(a.data[unit * a.cols + k])}</td>
              <td>{formatTerm(readout.xi[k])}</td>
              <td data-value={term}>{formatTerm(term)}</td>
              <td>1</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-readout="layer-sum" data-value={readout.layer.sum}>
            <th scope="row" colSpan={3}>
              sum = pre-activation z<sub>h</sub>
            </th>
            <td>{formatTerm(readout.layer.sum)}</td>
            <td />
          </tr>
          <tr data-readout="pre-activation" data-value={readout.layer.preActivation}>
            <th scope="row" colSpan={3}>
              MLP (xAᵀ)<sub>h</sub>
            </th>
            <td>{formatTerm(readout.layer.preActivation)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
