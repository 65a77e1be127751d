import { useMemo } from "react";
import { recallCurve } from "../../core/hopfieldRecall";
import { useHopfieldCapacity } from "../../state/hopfieldCapacityContext";
import { formatBeta } from "../HopfieldMemory/betaScale";
import { MIN_QUERIES } from "./useRecallCurve";

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** Both rules' recall at the chosen N, in words. The point is seeded per N, like the curve's. */
export function CapacityReadout() {
  const d = useHopfieldCapacity((s) => s.d);
  const count = useHopfieldCapacity((s) => s.count);
  const flipPercent = useHopfieldCapacity((s) => s.flipPercent);
  const beta = useHopfieldCapacity((s) => s.beta);
  const seed = useHopfieldCapacity((s) => s.seed);
  const point = useMemo(
    () =>
      recallCurve({
        d,
        counts: [count],
        flipFraction: flipPercent / 100,
        beta,
        seed,
        minQueries: MIN_QUERIES,
      }),
    [d, count, flipPercent, beta, seed],
  );
  const flipped = Math.round((flipPercent / 100) * d);
  return (
    <div className="dw-cap-readout">
      <p
        data-readout="recall"
        data-modern={point.modern[0]}
        data-classical={point.classical[0]}
        aria-live="polite"
      >
        With N = {count} random patterns of d = {d} pixels and {flipped} pixels flipped in each query, one
        step recalls <strong>{percent(point.modern[0])}</strong> exactly with the modern rule (β ={" "}
        {formatBeta(beta)}) and <strong>{percent(point.classical[0])}</strong> with the classical sign(Wξ).
      </p>
      <p className="dw-message">
        Computed on this page in plain JavaScript (no tfjs: it is small ±1 arithmetic), from{" "}
        {point.queries[0]} queries per N drawn with seed {seed}; sign(0) counts as +1.
      </p>
    </div>
  );
}
