import { useId } from "react";
import { useSideBySide } from "../../state/sideBySideContext";

/** Freezing attention, restarting the count, and putting the tokens back. */
export function SideBySideControls() {
  const frozen = useSideBySide((s) => s.frozen !== null);
  const canFreeze = useSideBySide((s) => s.mixing !== null);
  const setFrozen = useSideBySide((s) => s.setFrozen);
  const restartCount = useSideBySide((s) => s.restartCount);
  const resetPoints = useSideBySide((s) => s.resetPoints);
  const freezeId = useId();

  return (
    <div className="dw-sbs-controls">
      <span className="dw-sbs-freeze">
        <input
          id={freezeId}
          type="checkbox"
          checked={frozen}
          disabled={!frozen && !canFreeze}
          onChange={(event) => setFrozen(event.target.checked)}
        />
        <label htmlFor={freezeId}>Freeze attention’s weights</label>
      </span>
      <button type="button" onClick={restartCount}>
        Restart the count
      </button>
      <button type="button" onClick={resetPoints}>
        Reset token positions
      </button>
    </div>
  );
}

/** Which output token the readout follows: native radios, so arrow keys and clicks both work. */
export function OutputPicker() {
  const tokens = useSideBySide((s) => s.tokens);
  const selected = useSideBySide((s) => s.selectedOutput);
  const selectOutput = useSideBySide((s) => s.selectOutput);
  const name = useId();
  if (tokens.length === 0) return null;
  return (
    <fieldset className="dw-sbs-picker">
      <legend>Watch the output of</legend>
      {tokens.map((token, i) => (
        // Tokens repeat ("the" twice): the position keeps each choice distinct.
        // biome-ignore lint/suspicious/noArrayIndexKey: a token's position is its identity here
        <label key={i} className="dw-sbs-choice">
          <input
            type="radio"
            name={name}
            value={i}
            aria-label={`${token} ${i + 1}`}
            checked={selected === i}
            onChange={() => selectOutput(i)}
          />
          <span>{token}</span>
          <span className="dw-sbs-index"> {i + 1}</span>
        </label>
      ))}
    </fieldset>
  );
}
