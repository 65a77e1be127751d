import { useBilinear } from "../../state/bilinearContext";
import type { BilinearReadout } from "../../state/bilinearReadout";
import { BILINEAR_WEIGHT_LIMIT, bilinearPresetNames, presetOf } from "../../state/bilinearStore";
import { roleColor } from "../../viz/palette";
import { MatrixInput } from "../shared/MatrixInput";
import { PresetSelect } from "../shared/PresetSelect";
import { formatTerm } from "./format";

/** W_Q and W_K (presets or typed entries) and the matrix they make, M = W_Q W_Kᵀ/√d. */
export function WeightControls({ readout }: { readout: BilinearReadout | null }) {
  const preset = useBilinear((s) => s.preset);
  const wq = useBilinear((s) => s.wq);
  const wk = useBilinear((s) => s.wk);
  const applyPreset = useBilinear((s) => s.applyPreset);
  const setWeight = useBilinear((s) => s.setWeight);

  return (
    <div className="dw-bilinear-weights">
      <PresetSelect
        label="Projections"
        names={bilinearPresetNames}
        value={preset}
        presetOf={presetOf}
        onChange={applyPreset}
      />
      <div className="dw-matrices">
        <MatrixInput
          label="W_Q"
          value={wq}
          limit={BILINEAR_WEIGHT_LIMIT}
          accent={roleColor("query")}
          onChange={(i, j, value) => setWeight("wq", i, j, value)}
        />
        <MatrixInput
          label="W_K"
          value={wk}
          limit={BILINEAR_WEIGHT_LIMIT}
          accent={roleColor("key")}
          onChange={(i, j, value) => setWeight("wk", i, j, value)}
        />
      </div>
      {readout ? (
        <table className="dw-bilinear-table dw-bilinear-m" data-table="m" aria-label="M = W_Q W_Kᵀ / √d">
          <caption>M = W_Q W_Kᵀ / √d (parameters only)</caption>
          <tbody>
            {Array.from({ length: readout.m.rows }, (_, a) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row of M is its index
              <tr key={a}>
                {Array.from({ length: readout.m.cols }, (_, b) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column of M is its index
                  <td key={b} data-value={readout.m.data[a * readout.m.cols + b]}>
                    {formatTerm(readout.m.data[a * readout.m.cols + b])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
