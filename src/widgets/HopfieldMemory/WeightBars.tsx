import { useHopfieldMemory } from "../../state/hopfieldMemoryContext";
import { roleColor } from "../../viz/palette";

/** The softmax weights over the stored glyphs that produced ξ_t, as labelled bars. */
export function WeightBars({ weights }: { weights: readonly number[] | null }) {
  const stored = useHopfieldMemory((s) => s.stored);
  return (
    <div className="dw-hop-weights">
      <p className="dw-panel-title">Weights softmax(β Xᵀξ) over the stored patterns</p>
      {weights ? (
        <ul className="dw-hop-bars">
          {stored.map((name, i) => (
            <li key={name} data-glyph={name} data-weight={weights[i]}>
              <span className="dw-hop-bar-name">{name}</span>
              <span className="dw-hop-bar-track" aria-hidden="true">
                <span
                  className="dw-hop-bar"
                  style={{ width: `${(weights[i] * 100).toFixed(1)}%`, background: roleColor("key") }}
                />
              </span>
              <span className="dw-hop-bar-value">{weights[i].toFixed(2)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="dw-message">No step yet: the weights appear after the first update.</p>
      )}
    </div>
  );
}
