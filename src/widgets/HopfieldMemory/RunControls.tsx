import { useEffect, useState } from "react";
import { useHopfieldMemory, useHopfieldMemoryStoreApi } from "../../state/hopfieldMemoryContext";
import { MAX_STEPS } from "../../state/hopfieldMemoryStore";
import { useReducedMotion } from "../shared/useReducedMotion";

/** Time between steps while running: slow enough to watch ξ and the energy change. */
export const RUN_INTERVAL_MS = 450;

/**
 * Step, Run/Pause and Reset. Run reveals one more step every RUN_INTERVAL_MS until the last; when
 * the reader asked for reduced motion it jumps straight to the last step instead of animating.
 */
export function RunControls() {
  const store = useHopfieldMemoryStoreApi();
  const shown = useHopfieldMemory((s) => s.shownSteps);
  const step = useHopfieldMemory((s) => s.step);
  const reset = useHopfieldMemory((s) => s.reset);
  const reducedMotion = useReducedMotion();
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      const s = store.getState();
      if (s.shownSteps >= MAX_STEPS) setRunning(false);
      else s.step();
    }, RUN_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [running, store]);

  useEffect(() => {
    if (shown >= MAX_STEPS) setRunning(false);
  }, [shown]);

  const run = () => {
    if (running) return setRunning(false);
    if (reducedMotion) return store.getState().setShownSteps(MAX_STEPS);
    if (store.getState().shownSteps >= MAX_STEPS) store.getState().reset();
    setRunning(true);
  };

  return (
    <div className="dw-hop-run">
      <button type="button" onClick={step} disabled={shown >= MAX_STEPS}>
        Step
      </button>
      <button type="button" onClick={run} aria-pressed={running}>
        {running ? "Pause" : "Run"}
      </button>
      <button
        type="button"
        onClick={() => {
          setRunning(false);
          reset();
        }}
        disabled={shown === 0 && !running}
      >
        Reset
      </button>
      <output aria-live="polite" data-readout="step">
        Step {shown} of {MAX_STEPS}
      </output>
    </div>
  );
}
