import { useId } from "react";
import { useInContextRegression } from "../../state/inContextRegressionContext";
import type { RegressionMode } from "../../state/inContextRegressionStore";
import {
  ETA_STEP,
  MAX_DIMENSION,
  MAX_ETA,
  MAX_EXAMPLES,
  MAX_LAYERS,
  MIN_DIMENSION,
  MIN_ETA,
  MIN_EXAMPLES,
  MIN_LAYERS,
} from "../../state/regressionTasks";

const MODES: readonly { value: RegressionMode; label: string }[] = [
  { value: "line", label: "1-D: drag the examples" },
  { value: "space", label: "d-D: a random task" },
];

import { SeedField } from "../shared/SeedField";

/** Mode, d, η, K, the number of examples, and a new seeded task. */
export function RegressionControls() {
  const mode = useInContextRegression((s) => s.mode);
  const dimension = useInContextRegression((s) => s.dimension);
  const eta = useInContextRegression((s) => s.eta);
  const layers = useInContextRegression((s) => s.layers);
  const count = useInContextRegression((s) => s.context.xs.rows);
  const seed = useInContextRegression((s) => s.seed);
  const actions = {
    setMode: useInContextRegression((s) => s.setMode),
    setDimension: useInContextRegression((s) => s.setDimension),
    setEta: useInContextRegression((s) => s.setEta),
    setLayers: useInContextRegression((s) => s.setLayers),
    addExample: useInContextRegression((s) => s.addExample),
    removeExample: useInContextRegression((s) => s.removeExample),
    setSeed: useInContextRegression((s) => s.setSeed),
  };
  const ids = { mode: useId(), eta: useId(), layers: useId(), dimension: useId() };

  return (
    <div className="dw-icr-controls">
      <fieldset className="dw-icr-mode">
        <legend>Inputs</legend>
        {MODES.map((m) => (
          <label key={m.value}>
            <input
              type="radio"
              name={ids.mode}
              value={m.value}
              checked={mode === m.value}
              onChange={() => actions.setMode(m.value)}
            />{" "}
            {m.label}
          </label>
        ))}
      </fieldset>
      {mode === "space" ? (
        <div className="dw-icr-field">
          <label htmlFor={ids.dimension}>Input dimension d</label>
          <select
            id={ids.dimension}
            value={dimension}
            onChange={(event) => actions.setDimension(Number(event.target.value))}
          >
            {Array.from({ length: MAX_DIMENSION - MIN_DIMENSION + 1 }, (_, i) => MIN_DIMENSION + i).map(
              (d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ),
            )}
          </select>
        </div>
      ) : null}
      <div className="dw-slider">
        <label htmlFor={ids.eta}>Learning rate η = {eta.toFixed(2)}</label>
        <input
          id={ids.eta}
          type="range"
          min={MIN_ETA}
          max={MAX_ETA}
          step={ETA_STEP}
          value={eta}
          onChange={(event) => actions.setEta(Number(event.target.value))}
        />
      </div>
      <div className="dw-slider">
        <label htmlFor={ids.layers}>Layers = steps K = {layers}</label>
        <input
          id={ids.layers}
          type="range"
          min={MIN_LAYERS}
          max={MAX_LAYERS}
          value={layers}
          onChange={(event) => actions.setLayers(Number(event.target.value))}
        />
      </div>
      <fieldset className="dw-icr-field dw-icr-count">
        <legend>
          Examples N = {count} ({MIN_EXAMPLES}–{MAX_EXAMPLES})
        </legend>
        <button type="button" onClick={actions.addExample} disabled={count >= MAX_EXAMPLES}>
          Add an example
        </button>
        <button type="button" onClick={actions.removeExample} disabled={count <= MIN_EXAMPLES}>
          Remove the last
        </button>
      </fieldset>
      <SeedField className="dw-icr-field" seed={seed} setSeed={actions.setSeed} nextLabel="New task" />
    </div>
  );
}
