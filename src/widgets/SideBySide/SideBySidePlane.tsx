import { useCallback } from "react";
import { row } from "../../core/matrix";
import { useSideBySideStoreApi } from "../../state/sideBySideContext";
import type { SideBySideActions, SideBySideState } from "../../state/sideBySideStore";
import { drawPlane, type PlaneData, type PlaneOptions } from "../../viz/plane";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = SideBySideState & SideBySideActions;

function planeView(s: State, reducedMotion: boolean): readonly [PlaneData, PlaneOptions] | null {
  if (s.tokens.length === 0) return null;
  const { mixing, attentionOut, attention, selectedOutput } = s;
  const data: PlaneData =
    mixing && attentionOut && attention
      ? {
          tokens: s.tokens,
          points: s.points,
          outputs: attentionOut,
          mixing:
            selectedOutput === null
              ? undefined
              : { row: selectedOutput, weights: row(mixing, selectedOutput), values: attention.v },
        }
      : { tokens: s.tokens, points: s.points };
  const options: PlaneOptions = {
    // Selection here would follow the dragged token; the watched output is chosen separately.
    selected: selectedOutput,
    reducedMotion,
    onDrag: (index, xy, phase) => {
      // A pointer drag measures from where it started; arrow-key moves keep counting.
      if (phase === "start") s.restartCount();
      s.movePoint(index, xy);
    },
  };
  return [data, options];
}

/**
 * The one plane both models read: the reader's tokens as draggable points, attention's outputs
 * as diamonds, and the watched output's mix of the values. The MLP's outputs are reported in
 * the readout beside it.
 */
export function SideBySidePlane({ reducedMotion }: { reducedMotion: boolean }) {
  const store = useSideBySideStoreApi();
  const inputs = useCallback(
    (s: State) => [s.tokens, s.points, s.mixing, s.attentionOut, s.attention, s.selectedOutput],
    [],
  );
  const view = useCallback((s: State) => planeView(s, reducedMotion), [reducedMotion]);
  const ref = useStoreRenderer(store, drawPlane, inputs, view, [reducedMotion]);
  return <div ref={ref} className="dw-panel dw-plane-panel" />;
}
