import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { GLYPH_PIXELS, glyphPixels } from "../../core/glyphs";
import { useHopfieldMemory } from "../../state/hopfieldMemoryContext";
import { describeRetrieval, retrievalSentence } from "../../state/hopfieldReadout";
import { PixelGrid } from "./PixelGrid";
import { shownInputs, shownStep } from "./shownStep";
import { WeightBars } from "./WeightBars";

/** ξ_t on screen, the weights that made it, and a sentence saying what it is. */
export function StatePanel() {
  const inputs = useHopfieldMemory(useShallow(shownInputs));
  const shown = useMemo(() => shownStep(inputs), [inputs]);
  const stored = useHopfieldMemory((s) => s.stored);
  const start = useHopfieldMemory((s) => s.start);
  const retrieval = shown.state
    ? describeRetrieval(shown.weights, shown.state, stored, glyphPixels, start)
    : null;

  return (
    <div className="dw-hop-state" aria-busy={shown.pending || undefined} data-pending={shown.pending}>
      <div>
        <p className="dw-panel-title">State ξ after step {shown.step}</p>
        {shown.state ? (
          <PixelGrid
            values={shown.state}
            label={`State ξ after step ${shown.step}, pixel values from −1 to 1, row by row`}
            cell={16}
            withValues
          />
        ) : (
          <p className="dw-message">computing…</p>
        )}
      </div>
      <WeightBars weights={shown.weights} />
      <p className="dw-hop-retrieval" data-retrieval={retrieval?.kind ?? "pending"} aria-live="polite">
        {retrieval ? retrievalSentence(retrieval, start, GLYPH_PIXELS) : "Computing the updates…"}
      </p>
    </div>
  );
}
