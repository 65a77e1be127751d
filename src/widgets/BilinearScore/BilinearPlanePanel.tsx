import { useCallback } from "react";
import { useBilinearStoreApi } from "../../state/bilinearContext";
import type { BilinearActions, BilinearState } from "../../state/bilinearStore";
import { drawPlane, type PlaneData, type PlaneOptions } from "../../viz/plane";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = BilinearState & BilinearActions;

function planeView(s: State, reducedMotion: boolean): readonly [PlaneData, PlaneOptions] | null {
  if (s.tokens.length === 0) return null;
  return [
    { tokens: s.tokens, points: s.points },
    { reducedMotion, selected: s.query, onDrag: (index, xy) => s.movePoint(index, xy) },
  ];
}

/** The tokens as draggable points; the query token i is marked. Drag i or j to change the terms. */
export function BilinearPlanePanel({ reducedMotion }: { reducedMotion: boolean }) {
  const store = useBilinearStoreApi();
  const inputs = useCallback((s: State) => [s.tokens, s.points, s.query], []);
  const view = useCallback((s: State) => planeView(s, reducedMotion), [reducedMotion]);
  const ref = useStoreRenderer(store, drawPlane, inputs, view, [reducedMotion]);
  return (
    <div className="dw-panel dw-plane-panel">
      <div ref={ref} />
    </div>
  );
}
