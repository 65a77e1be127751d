import { glyphPixels } from "../../core/glyphs";
import { useHopfieldMemory } from "../../state/hopfieldMemoryContext";
import { PixelGrid } from "./PixelGrid";

/** The memory: every stored glyph x_i, one column of X, named. */
export function StoredGlyphs() {
  const stored = useHopfieldMemory((s) => s.stored);
  return (
    <div className="dw-hop-stored">
      <p className="dw-panel-title">Stored patterns X (N = {stored.length}, d = 49 pixels each)</p>
      <ul className="dw-hop-glyph-list">
        {stored.map((name) => (
          <li key={name} data-glyph={name}>
            <PixelGrid values={glyphPixels(name)} label={`Stored pattern ${name}`} cell={7} />
            <span aria-hidden="true">{name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
