import { useId } from "react";
import type { Pooling } from "../../core/pooledAttention";
import { useLargeAttention } from "../../state/largeAttentionContext";
import { D_CHOICES, MAX_CLUSTERS, MIN_CLUSTERS, N_STEPS } from "../../state/largeAttentionSettings";
import { SeedField } from "../shared/SeedField";

const POOLINGS: readonly { value: Pooling; label: string }[] = [
  { value: "max", label: "max: strongest entry in the block" },
  { value: "mean", label: "mean: average of the block" },
];

/** n (log steps), d, k, the seed, pooling and the causal mask. */
export function LargeControls() {
  const n = useLargeAttention((s) => s.n);
  const d = useLargeAttention((s) => s.d);
  const k = useLargeAttention((s) => s.k);
  const seed = useLargeAttention((s) => s.seed);
  const pooling = useLargeAttention((s) => s.pooling);
  const causal = useLargeAttention((s) => s.causal);
  const set = {
    n: useLargeAttention((s) => s.setN),
    d: useLargeAttention((s) => s.setD),
    k: useLargeAttention((s) => s.setK),
    seed: useLargeAttention((s) => s.setSeed),
    pooling: useLargeAttention((s) => s.setPooling),
    causal: useLargeAttention((s) => s.setCausal),
  };
  const ids = { n: useId(), d: useId(), k: useId(), pooling: useId(), causal: useId() };
  const step = Math.max(0, N_STEPS.indexOf(n));

  return (
    <div className="dw-large-controls">
      <div className="dw-slider">
        <label htmlFor={ids.n}>Tokens n = {n}</label>
        <input
          id={ids.n}
          type="range"
          min={0}
          max={N_STEPS.length - 1}
          step={1}
          value={step}
          aria-valuetext={`n = ${n}`}
          onChange={(event) => set.n(N_STEPS[Number(event.target.value)] ?? n)}
        />
      </div>
      <div className="dw-large-field">
        <label htmlFor={ids.d}>Dimension d</label>
        <select id={ids.d} value={d} onChange={(event) => set.d(Number(event.target.value))}>
          {D_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="dw-large-field">
        <label htmlFor={ids.k}>Clusters k</label>
        <select id={ids.k} value={k} onChange={(event) => set.k(Number(event.target.value))}>
          {Array.from({ length: MAX_CLUSTERS - MIN_CLUSTERS + 1 }, (_, i) => MIN_CLUSTERS + i).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="dw-large-field">
        <label htmlFor={ids.pooling}>Pooling per pixel</label>
        <select
          id={ids.pooling}
          value={pooling}
          onChange={(event) => set.pooling(event.target.value as Pooling)}
        >
          {POOLINGS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <label className="dw-check" htmlFor={ids.causal}>
        <input
          id={ids.causal}
          type="checkbox"
          checked={causal}
          onChange={(event) => set.causal(event.target.checked)}
        />{" "}
        Causal (token i sees only j ≤ i)
      </label>
      <SeedField className="dw-large-field" seed={seed} setSeed={set.seed} nextLabel="New tokens" />
    </div>
  );
}
