import { useId } from "react";
import type { KeyKind } from "../../core/memoryCapacity";
import { CAPACITY_DIMENSIONS, CAPACITY_FACTOR } from "../../state/capacityStore";
import { useCapacity } from "../../state/fastWeightsContext";
import { SeedField } from "../shared/SeedField";

const KINDS: readonly { value: KeyKind; label: string }[] = [
  { value: "orthogonal", label: "orthogonal while they fit (first d keys)" },
  { value: "random", label: "independent random unit vectors" },
];

/** d, N, the kind of keys, and the seed of the sample (shown and editable). */
export function CapacityControls() {
  const dimension = useCapacity((s) => s.dimension);
  const count = useCapacity((s) => s.count);
  const keyKind = useCapacity((s) => s.keyKind);
  const seed = useCapacity((s) => s.seed);
  const setDimension = useCapacity((s) => s.setDimension);
  const setCount = useCapacity((s) => s.setCount);
  const setKeyKind = useCapacity((s) => s.setKeyKind);
  const setSeed = useCapacity((s) => s.setSeed);
  const ids = { d: useId(), n: useId(), kind: useId() };

  return (
    <div className="dw-cap-controls">
      <div className="dw-preset">
        <label htmlFor={ids.d}>Dimensions d</label>
        <select id={ids.d} value={dimension} onChange={(event) => setDimension(Number(event.target.value))}>
          {CAPACITY_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="dw-slider dw-cap-count">
        <label htmlFor={ids.n}>
          Stored associations N = {count}{" "}
          {count > dimension ? `(more than d = ${dimension})` : `(at most d = ${dimension})`}
        </label>
        <input
          id={ids.n}
          type="range"
          min={1}
          max={CAPACITY_FACTOR * dimension}
          value={count}
          onChange={(event) => setCount(Number(event.target.value))}
        />
      </div>
      <fieldset className="dw-cap-kind">
        <legend>Keys</legend>
        {KINDS.map(({ value, label }) => (
          <label key={value} className="dw-check">
            <input
              type="radio"
              name={ids.kind}
              value={value}
              checked={keyKind === value}
              onChange={() => setKeyKind(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <SeedField className="dw-cap-seed" seed={seed} setSeed={setSeed} nextLabel="New sample" />
    </div>
  );
}
