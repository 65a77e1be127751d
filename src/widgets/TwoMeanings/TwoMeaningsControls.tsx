import { useEffect, useId, useState } from "react";
import { type PresetName, presetNames, weightPresets } from "../../core/presets";
import { useTwoMeanings } from "../../state/twoMeaningsContext";
import { MAX_INPUTS, MAX_TOKENS, MIN_INPUTS, MIN_TOKENS } from "../../state/twoMeaningsStore";

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
  const ids = { seed: useId(), count: useId(), n: useId(), preset: useId(), seedProblem: useId() };
  // The box keeps what the reader types; only a whole number reaches the store.
  const [seedDraft, setSeedDraft] = useState(String(seed));
  useEffect(() => setSeedDraft((draft) => (Number(draft) === seed ? draft : String(seed))), [seed]);
  const seedValid = /^\s*\d+\s*$/.test(seedDraft);

  return (
    <div className="dw-two-controls">
      <div className="dw-two-seed">
        <label htmlFor={ids.seed}>Seed</label>
        <input
          id={ids.seed}
          type="text"
          inputMode="numeric"
          value={seedDraft}
          aria-invalid={!seedValid || undefined}
          aria-describedby={seedValid ? undefined : ids.seedProblem}
          onChange={(event) => {
            setSeedDraft(event.target.value);
            if (/^\s*\d+\s*$/.test(event.target.value)) setSeed(Number(event.target.value));
          }}
        />
        <button type="button" onClick={() => setSeed(seed + 1)}>
          New inputs
        </button>
        {seedValid ? null : (
          <p id={ids.seedProblem} className="dw-message dw-message-warning" role="alert">
            A seed is a whole number ≥ 0; the figure keeps seed {seed}.
          </p>
        )}
      </div>
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
