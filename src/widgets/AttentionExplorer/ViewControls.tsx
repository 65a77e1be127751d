import { useId } from "react";
import { useAttention } from "../../state/attentionContext";
import type { Role } from "../../state/attentionStore";
import { roleColor } from "../../viz/palette";

const ARROWS: readonly { role: Role; label: string; color: "query" | "key" | "value" }[] = [
  { role: "q", label: "queries q", color: "query" },
  { role: "k", label: "keys k", color: "key" },
  { role: "v", label: "values v", color: "value" },
];

// The slider moves τ on a log scale: as many steps between 0.1 and 1 as between 1 and 10.
const toSlider = (temperature: number) => Math.log10(temperature);
const fromSlider = (position: number) => Math.round(10 ** position * 100) / 100;

/** Causal mask, softmax temperature, q/k/v arrows, and resetting the dragged points. */
export function ViewControls() {
  const causal = useAttention((s) => s.causal);
  const temperature = useAttention((s) => s.temperature);
  const arrows = useAttention((s) => s.arrows);
  const setCausal = useAttention((s) => s.setCausal);
  const setTemperature = useAttention((s) => s.setTemperature);
  const toggleArrow = useAttention((s) => s.toggleArrow);
  const resetPoints = useAttention((s) => s.resetPoints);
  const temperatureId = useId();

  return (
    <div className="dw-view-controls">
      <label className="dw-check">
        <input type="checkbox" checked={causal} onChange={(event) => setCausal(event.target.checked)} />
        Causal mask (a token sees only itself and earlier tokens)
      </label>
      <div className="dw-slider">
        <label htmlFor={temperatureId}>Temperature τ = {temperature.toFixed(2)}</label>
        <input
          id={temperatureId}
          type="range"
          min={-1}
          max={1}
          step={0.01}
          value={toSlider(temperature)}
          aria-valuetext={`τ = ${temperature.toFixed(2)}`}
          onChange={(event) => setTemperature(fromSlider(Number(event.target.value)))}
        />
      </div>
      <fieldset className="dw-arrows-toggle">
        <legend>Draw arrows for</legend>
        {ARROWS.map(({ role, label, color }) => (
          <label key={role} className="dw-check">
            <input type="checkbox" checked={arrows[role]} onChange={() => toggleArrow(role)} />
            <span className="dw-swatch" style={{ background: roleColor(color) }} aria-hidden="true" />
            {label}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={resetPoints}>
        Reset token positions
      </button>
    </div>
  );
}
