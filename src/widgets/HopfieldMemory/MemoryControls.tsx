import { useId } from "react";
import type { GlyphName } from "../../core/glyphs";
import { useHopfieldMemory } from "../../state/hopfieldMemoryContext";
import { ATTENTION_BETA, MAX_CORRUPTION } from "../../state/hopfieldMemoryStore";
import { SeedField } from "../shared/SeedField";
import { BETA_STEPS, betaToSlider, formatBeta, sliderToBeta } from "./betaScale";

/** Which glyph the query starts from, how it is corrupted (k pixels, seeded), and β. */
export function MemoryControls() {
  const stored = useHopfieldMemory((s) => s.stored);
  const start = useHopfieldMemory((s) => s.start);
  const corruption = useHopfieldMemory((s) => s.corruption);
  const seed = useHopfieldMemory((s) => s.seed);
  const beta = useHopfieldMemory((s) => s.beta);
  const setStart = useHopfieldMemory((s) => s.setStart);
  const setCorruption = useHopfieldMemory((s) => s.setCorruption);
  const setSeed = useHopfieldMemory((s) => s.setSeed);
  const setBeta = useHopfieldMemory((s) => s.setBeta);
  const ids = { start: useId(), k: useId(), beta: useId() };

  return (
    <div className="dw-hop-controls">
      <div className="dw-preset">
        <label htmlFor={ids.start}>Query starts from</label>
        <select id={ids.start} value={start} onChange={(e) => setStart(e.target.value as GlyphName)}>
          {stored.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="dw-slider">
        <label htmlFor={ids.k}>Corrupt k = {corruption} pixels</label>
        <input
          id={ids.k}
          type="range"
          min={0}
          max={MAX_CORRUPTION}
          value={corruption}
          onChange={(e) => setCorruption(Number(e.target.value))}
        />
      </div>
      <SeedField className="dw-hop-seed" seed={seed} setSeed={setSeed} nextLabel="New corruption" />
      <div className="dw-slider dw-hop-beta">
        <label htmlFor={ids.beta}>Inverse temperature β = {formatBeta(beta)}</label>
        <input
          id={ids.beta}
          type="range"
          min={0}
          max={BETA_STEPS}
          value={betaToSlider(beta)}
          aria-valuetext={`β = ${formatBeta(beta)}`}
          onChange={(e) => setBeta(sliderToBeta(Number(e.target.value)))}
        />
        <button type="button" onClick={() => setBeta(ATTENTION_BETA)}>
          β = 1/√d ≈ {formatBeta(ATTENTION_BETA)} (attention’s scale)
        </button>
      </div>
    </div>
  );
}
