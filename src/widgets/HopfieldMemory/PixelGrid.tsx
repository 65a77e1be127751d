import { useId } from "react";
import { GLYPH_SIZE } from "../../core/glyphs";
import { weightColor } from "../../viz/palette";

/** A pixel value in [−1, 1] as a cividis colour: −1 dark blue, +1 bright yellow (lightness rises). */
export const pixelColour = (value: number) => weightColor((value + 1) / 2);

interface PixelGridProps {
  /** Row by row, GLYPH_SIZE² values in [−1, 1]. */
  values: readonly number[];
  /** The grid's accessible name. */
  label: string;
  /** Side of one pixel in px. */
  cell?: number;
  /**
   * Continuous values (ξ after a step): also listed in a visually hidden table, so a screen reader
   * can read every number; hover shows each pixel's value. ±1 glyphs need only their name.
   */
  withValues?: boolean;
}

/** A 7 × 7 image drawn as SVG squares; see `withValues` for how its numbers are exposed. */
export function PixelGrid({ values, label, cell = 12, withValues = false }: PixelGridProps) {
  const captionId = useId();
  const side = GLYPH_SIZE * cell;
  const rows = Array.from({ length: GLYPH_SIZE }, (_, r) =>
    values.slice(r * GLYPH_SIZE, (r + 1) * GLYPH_SIZE),
  );
  return (
    <div className="dw-pixel-grid">
      <svg
        width={side}
        height={side}
        viewBox={`0 0 ${side} ${side}`}
        role={withValues ? undefined : "img"}
        aria-label={withValues ? undefined : label}
        aria-hidden={withValues || undefined}
      >
        {values.map((v, k) => (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: pixel k is its position
            key={k}
            x={(k % GLYPH_SIZE) * cell}
            y={Math.floor(k / GLYPH_SIZE) * cell}
            width={cell}
            height={cell}
            fill={pixelColour(v)}
          >
            {withValues ? <title>{v.toFixed(2)}</title> : null}
          </rect>
        ))}
      </svg>
      {withValues ? (
        // The wrapper hides it: a table will not shrink to 1 px itself, and would widen the page.
        <div className="dw-visually-hidden">
          <table aria-labelledby={captionId}>
            <caption id={captionId}>{label}</caption>
            <tbody>
              {rows.map((cells, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: row r is its position
                <tr key={r}>
                  {cells.map((v, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: column c is its position
                    <td key={c}>{v.toFixed(2)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
