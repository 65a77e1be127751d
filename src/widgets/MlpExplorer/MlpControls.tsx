import { useId } from "react";
import type { Activation } from "../../core/mlp";
import { useMlp } from "../../state/mlpContext";
import { ACTIVATIONS } from "../../state/mlpStore";

const ACTIVATION_LABEL: Record<Activation, string> = {
  relu: "ReLU  max(0, z)",
  tanh: "tanh(z)",
  gelu: "GELU  z·Φ(z)",
};

/** The nonlinearity σ, and resetting the dragged points and the counters. */
export function MlpControls() {
  const activation = useMlp((s) => s.activation);
  const setActivation = useMlp((s) => s.setActivation);
  const resetPoints = useMlp((s) => s.resetPoints);
  const restartCount = useMlp((s) => s.restartCount);
  const selectId = useId();

  return (
    <div className="dw-mlp-controls">
      <label htmlFor={selectId}>Nonlinearity σ</label>
      <select
        id={selectId}
        value={activation}
        onChange={(event) => setActivation(event.target.value as Activation)}
      >
        {ACTIVATIONS.map((name) => (
          <option key={name} value={name}>
            {ACTIVATION_LABEL[name]}
          </option>
        ))}
      </select>
      <button type="button" onClick={resetPoints}>
        Reset token positions
      </button>
      <button type="button" onClick={restartCount}>
        Restart the count
      </button>
    </div>
  );
}
