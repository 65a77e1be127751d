import { useId } from "react";
import type { FastWeightRule } from "../../core/fastWeightMemory";
import type { FeatureMap } from "../../core/fastWeights";
import { useFastWeights } from "../../state/fastWeightsContext";

const FEATURE_MAPS: readonly { value: FeatureMap; label: string }[] = [
  { value: "identity", label: "identity, φ(x) = x" },
  { value: "elu1", label: "elu(x) + 1 (always positive)" },
];

const RULES: readonly { value: FastWeightRule; label: string }[] = [
  { value: "sum", label: "sum: add v φ(k)ᵀ" },
  { value: "delta", label: "delta: replace what k held" },
];

/** Feature map φ, normalisation, and the write rule with the delta rule's β. */
export function RuleControls() {
  const featureMap = useFastWeights((s) => s.featureMap);
  const normalise = useFastWeights((s) => s.normalise);
  const rule = useFastWeights((s) => s.rule);
  const beta = useFastWeights((s) => s.beta);
  const setFeatureMap = useFastWeights((s) => s.setFeatureMap);
  const setNormalise = useFastWeights((s) => s.setNormalise);
  const setRule = useFastWeights((s) => s.setRule);
  const setBeta = useFastWeights((s) => s.setBeta);
  const ids = { phi: useId(), rule: useId(), beta: useId() };

  return (
    <div className="dw-fw-rules">
      <fieldset className="dw-fw-group">
        <legend>Feature map φ</legend>
        {FEATURE_MAPS.map(({ value, label }) => (
          <label key={value} className="dw-check">
            <input
              type="radio"
              name={ids.phi}
              value={value}
              checked={featureMap === value}
              onChange={() => setFeatureMap(value)}
            />
            {label}
          </label>
        ))}
        <label className="dw-check">
          <input
            type="checkbox"
            checked={normalise}
            onChange={(event) => setNormalise(event.target.checked)}
          />
          Normalise: divide by φ(q<sub>t</sub>)ᵀ Σ φ(k<sub>i</sub>)
        </label>
      </fieldset>
      <fieldset className="dw-fw-group">
        <legend>Write rule</legend>
        {RULES.map(({ value, label }) => (
          <label key={value} className="dw-check">
            <input
              type="radio"
              name={ids.rule}
              value={value}
              checked={rule === value}
              onChange={() => setRule(value)}
            />
            {label}
          </label>
        ))}
        <div className="dw-slider">
          <label htmlFor={ids.beta}>Delta rule's β = {beta.toFixed(2)}</label>
          <input
            id={ids.beta}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={beta}
            disabled={rule !== "delta"}
            onChange={(event) => setBeta(Number(event.target.value))}
          />
        </div>
      </fieldset>
    </div>
  );
}
