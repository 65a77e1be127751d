import { presetNames, weightPresets } from "../../core/presets";
import { useAttention } from "../../state/attentionContext";
import { type ProjectionName, WEIGHT_LIMIT } from "../../state/attentionStore";
import { roleColor } from "../../viz/palette";
import { MatrixInput } from "../shared/MatrixInput";
import { PresetSelect } from "../shared/PresetSelect";

const PROJECTIONS: readonly { name: ProjectionName; label: string; role: "query" | "key" | "value" }[] = [
  { name: "wq", label: "W_Q", role: "query" },
  { name: "wk", label: "W_K", role: "key" },
  { name: "wv", label: "W_V", role: "value" },
];

/** W_Q, W_K, W_V as editable 2×2 matrices, with presets that explain what each one does. */
export function ProjectionControls() {
  const preset = useAttention((s) => s.preset);
  const applyPreset = useAttention((s) => s.applyPreset);
  const setWeight = useAttention((s) => s.setWeight);
  const matrices = {
    wq: useAttention((s) => s.wq),
    wk: useAttention((s) => s.wk),
    wv: useAttention((s) => s.wv),
  };

  return (
    <div className="dw-projections">
      <PresetSelect
        label="Projections"
        names={presetNames}
        value={preset}
        presetOf={(name) => weightPresets[name]}
        onChange={applyPreset}
      />
      <div className="dw-matrices">
        {PROJECTIONS.map(({ name, label, role }) => (
          <MatrixInput
            key={name}
            label={label}
            value={matrices[name]}
            limit={WEIGHT_LIMIT}
            accent={roleColor(role)}
            onChange={(i, j, value) => setWeight(name, i, j, value)}
          />
        ))}
      </div>
    </div>
  );
}
