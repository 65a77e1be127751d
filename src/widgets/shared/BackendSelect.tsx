import { useId } from "react";
import { BACKEND_LABEL, BACKEND_ORDER, type BackendName, isBackendName } from "../../engine";

export interface BackendSelectProps {
  /** The select's accessible name, e.g. "Compute backend" or "Training backend". */
  label: string;
  value: BackendName | "auto";
  disabled?: boolean;
  /** Called with the chosen backend, or "auto" (anything unknown counts as "auto"). */
  onChange(name: BackendName | "auto"): void;
}

/** The badge's backend switcher: "auto" then every tfjs backend, with a visually hidden label. */
export function BackendSelect({ label, value, disabled = false, onChange }: BackendSelectProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="dw-visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className="dw-badge-switch"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(isBackendName(event.target.value) ? event.target.value : "auto")}
      >
        <option value="auto">auto</option>
        {BACKEND_ORDER.map((name) => (
          <option key={name} value={name}>
            {BACKEND_LABEL[name]}
          </option>
        ))}
      </select>
    </>
  );
}
