import { useId } from "react";
import { type PresetName, presetNames, weightPresets } from "../../core/presets";
import { useTwoMeanings } from "../../state/twoMeaningsContext";
import { MAX_INPUTS, MAX_TOKENS, MIN_INPUTS, MIN_TOKENS } from "../../state/twoMeaningsStore";
import { SeedField } from "../shared/SeedField";

/** Seed (shown and editable), K inputs, n tokens per input, and the shared parameters' preset. */
export function TwoMeaningsControls() {
  const seed = useTwoMeanings((s) => s.seed);
  const count = useTwoMeanings((s) => s.count);
  const tokensPerInput = useTwoMeanings((s) => s.tokensPerInput);
  const preset = useTwoMeanings((s) => s.preset);
  const setSeed = useTwoMeanings((s) => s.setSeed);
  const setCount = useTwoMeanings((s) => s.setCount);
  const setTokensPerInput = useTwoMeanings((s) => s.setTokensPerInput);
  const applyPreset = useTwoMeanings((s) => s.applyPreset);
  const ids = { count: useId(), n: useId(), preset: useId() };

  return (
    <div className="dw-two-controls">
      <SeedField className="dw-two-seed" seed={seed} setSeed={setSeed} nextLabel="New inputs" />
      <div className="dw-slider">
        <label htmlFor={ids.count}>Inputs K = {count}</label>
        <input
          id={ids.count}
          type="range"
          min={MIN_INPUTS}
          max={MAX_INPUTS}
          value={count}
          onChange={(event) => setCount(Number(event.target.value))}
        />
      </div>
      <div className="dw-slider">
        <label htmlFor={ids.n}>Tokens per input n = {tokensPerInput}</label>
        <input
          id={ids.n}
          type="range"
          min={MIN_TOKENS}
          max={MAX_TOKENS}
          value={tokensPerInput}
          onChange={(event) => setTokensPerInput(Number(event.target.value))}
        />
      </div>
      <div className="dw-preset">
        <label htmlFor={ids.preset}>Parameters</label>
        <select
          id={ids.preset}
          value={preset}
          onChange={(event) => applyPreset(event.target.value as PresetName)}
        >
          {presetNames.map((name) => (
            <option key={name} value={name}>
              {weightPresets[name].label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
