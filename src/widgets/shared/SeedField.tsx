import { useEffect, useId, useState } from "react";

export interface SeedFieldProps {
  seed: number;
  setSeed(seed: number): void;
  /** The button that draws with the next seed, e.g. "New inputs". */
  nextLabel: string;
  /** Class of the wrapping div, for the widget's layout. */
  className?: string;
}

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/**
 * An editable seed with a "next seed" button. The box keeps what the reader types; only a whole
 * number reaches the store, and anything else is said inline while the figure keeps its seed.
 */
export function SeedField({ seed, setSeed, nextLabel, className }: SeedFieldProps) {
  const ids = { seed: useId(), problem: useId() };
  const [draft, setDraft] = useState(String(seed));
  // A seed set elsewhere (the button, a reset) replaces the draft unless the draft already says it.
  useEffect(() => setDraft((current) => (Number(current) === seed ? current : String(seed))), [seed]);
  const valid = WHOLE_NUMBER.test(draft);

  return (
    <div className={className}>
      <label htmlFor={ids.seed}>Seed</label>
      <input
        id={ids.seed}
        type="text"
        inputMode="numeric"
        value={draft}
        aria-invalid={!valid || undefined}
        aria-describedby={valid ? undefined : ids.problem}
        onChange={(event) => {
          setDraft(event.target.value);
          if (WHOLE_NUMBER.test(event.target.value)) setSeed(Number(event.target.value));
        }}
      />
      <button type="button" onClick={() => setSeed(seed + 1)}>
        {nextLabel}
      </button>
      {valid ? null : (
        <p id={ids.problem} className="dw-message dw-message-warning" role="alert">
          A seed is a whole number ≥ 0; the figure keeps seed {seed}.
        </p>
      )}
    </div>
  );
}
