import { useId } from "react";

interface PresetOption {
  label: string;
  /** A sentence the reader sees under the select, saying what the preset does. */
  description: string;
}

interface PresetSelectProps<N extends string> {
  label: string;
  names: readonly N[];
  /** The chosen preset, or "custom" once the reader has edited the matrices. */
  value: N | "custom";
  presetOf(name: N): PresetOption;
  onChange(name: N): void;
}

const CUSTOM_DESCRIPTION = "You edited the matrices: these are your own parameters.";

/** A select of named parameter presets, with the chosen one's description under it. */
export function PresetSelect<N extends string>({
  label,
  names,
  value,
  presetOf,
  onChange,
}: PresetSelectProps<N>) {
  const selectId = useId();
  const descriptionId = useId();
  return (
    <div className="dw-preset">
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        value={value}
        aria-describedby={descriptionId}
        onChange={(event) => {
          const name = names.find((n) => n === event.target.value);
          if (name) onChange(name);
        }}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {presetOf(name).label}
          </option>
        ))}
        {value === "custom" ? <option value="custom">Your own matrices</option> : null}
      </select>
      <p id={descriptionId} className="dw-preset-description">
        {value === "custom" ? CUSTOM_DESCRIPTION : presetOf(value).description}
      </p>
    </div>
  );
}
