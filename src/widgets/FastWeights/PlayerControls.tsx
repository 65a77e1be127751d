import { useId } from "react";
import { useFastWeights } from "../../state/fastWeightsContext";

/**
 * First, previous, play/pause, next, last, and a slider for the token t. Play starts at the
 * beginning when it is pressed on the last token. Under reduced motion Play is unavailable, and
 * the line under the buttons says so.
 */
export function PlayerControls({ reducedMotion }: { reducedMotion: boolean }) {
  const n = useFastWeights((s) => s.tokens.length);
  const step = useFastWeights((s) => s.step);
  const token = useFastWeights((s) => s.tokens[s.step] ?? "");
  const playing = useFastWeights((s) => s.playing);
  const setStep = useFastWeights((s) => s.setStep);
  const setPlaying = useFastWeights((s) => s.setPlaying);
  const sliderId = useId();
  const noteId = useId();
  const atStart = step === 0;
  const atEnd = step >= n - 1;
  const play = () => {
    if (playing) return setPlaying(false);
    if (atEnd) setStep(0);
    setPlaying(true);
  };

  return (
    <fieldset className="dw-fw-player">
      <legend className="dw-visually-hidden">Step through the tokens</legend>
      <div className="dw-fw-buttons">
        <button type="button" onClick={() => setStep(0)} disabled={atStart} aria-label="First token">
          «
        </button>
        <button
          type="button"
          onClick={() => setStep(step - 1)}
          disabled={atStart}
          aria-label="Previous token"
        >
          ◀
        </button>
        <button
          type="button"
          onClick={play}
          disabled={reducedMotion || n < 2}
          aria-pressed={playing}
          aria-describedby={reducedMotion ? noteId : undefined}
          data-action="play"
        >
          {playing ? "Pause" : "Play"}
        </button>
        <button type="button" onClick={() => setStep(step + 1)} disabled={atEnd} aria-label="Next token">
          ▶
        </button>
        <button type="button" onClick={() => setStep(n - 1)} disabled={atEnd} aria-label="Last token">
          »
        </button>
      </div>
      <div className="dw-slider dw-fw-step">
        <label htmlFor={sliderId}>
          Token t = {step + 1} of {n}: <q className="dw-fw-token">{token}</q>
        </label>
        <input
          id={sliderId}
          type="range"
          min={1}
          max={Math.max(1, n)}
          value={step + 1}
          aria-valuetext={`token ${step + 1} of ${n}, ${token}`}
          onChange={(event) => {
            setPlaying(false);
            setStep(Number(event.target.value) - 1);
          }}
        />
      </div>
      {reducedMotion ? (
        <p id={noteId} className="dw-message">
          Play is off because your system asks for reduced motion; step with the buttons or the slider.
        </p>
      ) : null}
    </fieldset>
  );
}
