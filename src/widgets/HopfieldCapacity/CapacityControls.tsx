import { useId } from "react";
import { useHopfieldCapacity } from "../../state/hopfieldCapacityContext";
import { CAPACITY_SIZES, MAX_COUNT, MAX_FLIP_PERCENT, MIN_COUNT } from "../../state/hopfieldCapacityStore";
import { BETA_STEPS, betaToSlider, formatBeta, sliderToBeta } from "../HopfieldMemory/betaScale";

const SIZE_NAMES: Record<number, string> = { 25: "5 × 5", 49: "7 × 7 (the glyphs)", 100: "10 × 10" };

import { SeedField } from "../shared/SeedField";

/** d, N, the corruption and β of the recall experiment, and its seed. */
export function CapacityControls() {
  const d = useHopfieldCapacity((s) => s.d);
  const count = useHopfieldCapacity((s) => s.count);
  const flipPercent = useHopfieldCapacity((s) => s.flipPercent);
  const beta = useHopfieldCapacity((s) => s.beta);
  const seed = useHopfieldCapacity((s) => s.seed);
  const setD = useHopfieldCapacity((s) => s.setD);
  const setCount = useHopfieldCapacity((s) => s.setCount);
  const setFlipPercent = useHopfieldCapacity((s) => s.setFlipPercent);
  const setBeta = useHopfieldCapacity((s) => s.setBeta);
  const setSeed = useHopfieldCapacity((s) => s.setSeed);
  const ids = { d: useId(), n: useId(), flips: useId(), beta: useId() };
  const flipped = Math.round((flipPercent / 100) * d);

  return (
    <div className="dw-cap-controls">
      <div className="dw-preset">
        <label htmlFor={ids.d}>Pixels per pattern d</label>
        <select id={ids.d} value={d} onChange={(e) => setD(Number(e.target.value))}>
          {CAPACITY_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} ({SIZE_NAMES[size]})
            </option>
          ))}
        </select>
      </div>
      <div className="dw-slider">
        <label htmlFor={ids.n}>Stored patterns N = {count}</label>
        <input
          id={ids.n}
          type="range"
          min={MIN_COUNT}
          max={MAX_COUNT}
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
        />
      </div>
      <div className="dw-slider">
        <label htmlFor={ids.flips}>
          Corruption: {flipPercent}% ({flipped} of {d} pixels flipped)
        </label>
        <input
          id={ids.flips}
          type="range"
          min={0}
          max={MAX_FLIP_PERCENT}
          value={flipPercent}
          onChange={(e) => setFlipPercent(Number(e.target.value))}
        />
      </div>
      <div className="dw-slider">
        <label htmlFor={ids.beta}>Modern rule’s β = {formatBeta(beta)}</label>
        <input
          id={ids.beta}
          type="range"
          min={0}
          max={BETA_STEPS}
          value={betaToSlider(beta)}
          aria-valuetext={`β = ${formatBeta(beta)}`}
          onChange={(e) => setBeta(sliderToBeta(Number(e.target.value)))}
        />
      </div>
      <SeedField className="dw-cap-seed" seed={seed} setSeed={setSeed} nextLabel="New random patterns" />
    </div>
  );
}
