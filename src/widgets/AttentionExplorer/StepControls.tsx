import { useId } from "react";
import type { Normalisation } from "../../core/attention";
import { useAttention, useAttentionStoreApi } from "../../state/attentionContext";
import { hullReadout, sumsReadout } from "./stepsReadout";
import { useStoreText } from "./useStoreText";

const NORMALISATIONS: readonly { value: Normalisation; label: string }[] = [
  { value: "rows", label: "each row (attention)" },
  { value: "columns", label: "each column" },
  { value: "all", label: "the whole matrix" },
];

/**
 * The "step by step" group: what the softmax normalises, whether scores are divided by √d,
 * which tokens are hidden as keys, and readouts of what that does to the weights and outputs.
 * Closed by default so the explorer stays compact; `open` starts it open.
 */
export function StepControls({ open = false }: { open?: boolean }) {
  const store = useAttentionStoreApi();
  const normalisation = useAttention((s) => s.normalisation);
  const scale = useAttention((s) => s.scale);
  const tokens = useAttention((s) => s.tokens);
  const maskedKeys = useAttention((s) => s.maskedKeys);
  const setNormalisation = useAttention((s) => s.setNormalisation);
  const setScale = useAttention((s) => s.setScale);
  const toggleMaskedKey = useAttention((s) => s.toggleMaskedKey);
  const sumsRef = useStoreText<Parameters<typeof sumsReadout>[0], HTMLParagraphElement>(store, sumsReadout);
  const hullRef = useStoreText<Parameters<typeof hullReadout>[0], HTMLParagraphElement>(store, hullReadout);
  const name = useId();

  return (
    <details className="dw-steps" open={open}>
      <summary>Step by step</summary>
      <div className="dw-steps-body">
        <fieldset className="dw-steps-group">
          <legend>Softmax normalises</legend>
          {NORMALISATIONS.map(({ value, label }) => (
            <label key={value} className="dw-check">
              <input
                type="radio"
                name={name}
                value={value}
                checked={normalisation === value}
                onChange={() => setNormalisation(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <p ref={sumsRef} className="dw-steps-readout" data-readout="sums" />
        <p ref={hullRef} className="dw-steps-readout" data-readout="hull" />
        <label className="dw-check">
          <input type="checkbox" checked={scale} onChange={(event) => setScale(event.target.checked)} />
          Divide scores by √d
        </label>
        {tokens.length > 0 ? (
          <fieldset className="dw-steps-group dw-steps-masks">
            <legend>Hide as a key</legend>
            {tokens.map((token, i) => (
              // Tokens repeat ("the … the"), so the position is part of the identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: one checkbox per token position
              <label key={i} className="dw-check">
                <input
                  type="checkbox"
                  checked={maskedKeys[i] === true}
                  aria-label={`Hide “${token}” (token ${i + 1}) as a key`}
                  onChange={() => toggleMaskedKey(i)}
                />
                {token}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
    </details>
  );
}
