import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useBilinear } from "../../state/bilinearContext";
import { type BilinearReadout, bilinearReadout } from "../../state/bilinearReadout";

/**
 * The figure's numbers, recomputed with src/core only when an input changes. They are a handful
 * of multiplications, so a drag recomputes them synchronously in the same frame as the point.
 */
export function useReadout(): BilinearReadout | null {
  const inputs = useBilinear(
    useShallow((s) => ({
      tokens: s.tokens,
      points: s.points,
      query: s.query,
      key: s.key,
      wq: s.wq,
      wk: s.wk,
      a: s.a,
      unit: s.unit,
    })),
  );
  return useMemo(() => bilinearReadout(inputs), [inputs]);
}
