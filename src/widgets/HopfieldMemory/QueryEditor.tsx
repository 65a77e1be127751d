import { type KeyboardEvent, useRef, useState } from "react";
import { GLYPH_PIXELS, GLYPH_SIZE } from "../../core/glyphs";
import { useHopfieldMemory } from "../../state/hopfieldMemoryContext";
import { readableTextOn } from "../../viz/palette";
import { pixelColour } from "./PixelGrid";

/** Where an arrow, Home or End key moves focus from pixel k, or null for other keys. */
function moveFocus(key: string, k: number): number | null {
  const r = Math.floor(k / GLYPH_SIZE);
  const c = k % GLYPH_SIZE;
  switch (key) {
    case "ArrowRight":
      return r * GLYPH_SIZE + Math.min(GLYPH_SIZE - 1, c + 1);
    case "ArrowLeft":
      return r * GLYPH_SIZE + Math.max(0, c - 1);
    case "ArrowDown":
      return Math.min(GLYPH_SIZE - 1, r + 1) * GLYPH_SIZE + c;
    case "ArrowUp":
      return Math.max(0, r - 1) * GLYPH_SIZE + c;
    case "Home":
      return r * GLYPH_SIZE;
    case "End":
      return r * GLYPH_SIZE + GLYPH_SIZE - 1;
    default:
      return null;
  }
}

/**
 * The query ξ_0 as 49 toggle buttons: pressing one flips that pixel of the start glyph (pressed =
 * flipped, also marked with a dot, so colour is not the only cue). One tab stop for the grid;
 * arrow keys move between pixels (roving tabindex), Space or Enter toggles.
 */
export function QueryEditor() {
  const query = useHopfieldMemory((s) => s.query);
  const flips = useHopfieldMemory((s) => s.flips);
  const start = useHopfieldMemory((s) => s.start);
  const togglePixel = useHopfieldMemory((s) => s.togglePixel);
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const flipped = flips.filter(Boolean).length;

  const onKeyDown = (event: KeyboardEvent, k: number) => {
    const next = moveFocus(event.key, k);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="dw-hop-query">
      <p className="dw-panel-title">
        Query ξ₀: {start} with {flipped} flipped {flipped === 1 ? "pixel" : "pixels"}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend the title already gives */}
      <div
        className="dw-hop-query-grid"
        role="group"
        aria-label={`Query pixels of ${start}, ${flipped} flipped. Arrow keys move, Space toggles a pixel.`}
      >
        {Array.from({ length: GLYPH_PIXELS }, (_, k) => {
          const value = query.data[k];
          const fill = pixelColour(value);
          return (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: pixel k is its position
              key={k}
              ref={(node) => {
                buttons.current[k] = node;
              }}
              type="button"
              className="dw-hop-pixel"
              data-pixel={k}
              tabIndex={k === active ? 0 : -1}
              aria-pressed={flips[k]}
              aria-label={`Row ${Math.floor(k / GLYPH_SIZE) + 1}, column ${(k % GLYPH_SIZE) + 1}: ${
                value > 0 ? "ink" : "background"
              }${flips[k] ? ", flipped" : ""}`}
              style={{ background: fill, color: readableTextOn(fill) }}
              onFocus={() => setActive(k)}
              onClick={() => togglePixel(k)}
              onKeyDown={(event) => onKeyDown(event, k)}
            >
              {flips[k] ? "•" : ""}
            </button>
          );
        })}
      </div>
    </div>
  );
}
