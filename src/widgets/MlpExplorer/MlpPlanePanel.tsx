import { useCallback } from "react";
import { useMlpStoreApi } from "../../state/mlpContext";
import { currentMlpResult, type MlpActions, type MlpState } from "../../state/mlpStore";
import { drawPlane, type PlaneData, type PlaneOptions } from "../../viz/plane";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = MlpState & MlpActions;

function planeView(s: State, reducedMotion: boolean): readonly [PlaneData, PlaneOptions] | null {
  if (s.tokens.length === 0) return null;
  const result = currentMlpResult(s);
  const data: PlaneData = result
    ? { tokens: s.tokens, points: s.points, outputs: result.out }
    : { tokens: s.tokens, points: s.points };
  const options: PlaneOptions = {
    reducedMotion,
    outputName: "MLP output σ(xAᵀ)Bᵀ",
    onDrag: (index, xy, phase) => {
      // A pointer drag counts activation changes from where it started; arrow keys keep counting.
      if (phase === "start") s.restartCount();
      s.movePoint(index, xy);
    },
  };
  return [data, options];
}

/**
 * The plane: the reader's tokens as draggable points and each token's MLP output σ(xAᵀ)Bᵀ as a
 * diamond. The plane moves a dragged point at once; its output follows when the result lands.
 */
export function MlpPlanePanel({ reducedMotion }: { reducedMotion: boolean }) {
  const store = useMlpStoreApi();
  const inputs = useCallback((s: State) => [s.tokens, s.points, currentMlpResult(s)], []);
  const view = useCallback((s: State) => planeView(s, reducedMotion), [reducedMotion]);
  const ref = useStoreRenderer(store, drawPlane, inputs, view, [reducedMotion]);
  return <div ref={ref} className="dw-panel dw-plane-panel" />;
}
