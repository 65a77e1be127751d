import { useCallback } from "react";
import { row } from "../../core/matrix";
import { useAttentionStoreApi } from "../../state/attentionContext";
import type { AttentionActions, AttentionState } from "../../state/attentionStore";
import { drawPlane, type PlaneData, type PlaneOptions } from "../../viz/plane";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { currentResult } from "./currentResult";

type State = AttentionState & AttentionActions;

function planeView(s: State, reducedMotion: boolean): readonly [PlaneData, PlaneOptions] | null {
  if (s.tokens.length === 0) return null;
  const result = currentResult(s);
  const { arrows, selectedRow } = s;
  const data: PlaneData = result
    ? {
        tokens: s.tokens,
        points: s.points,
        outputs: result.out,
        arrows: {
          q: arrows.q ? result.q : undefined,
          k: arrows.k ? result.k : undefined,
          v: arrows.v ? result.v : undefined,
        },
        mixing:
          selectedRow === null
            ? undefined
            : { row: selectedRow, weights: row(result.weights, selectedRow), values: result.v },
      }
    : { tokens: s.tokens, points: s.points };
  const options: PlaneOptions = {
    selected: selectedRow,
    reducedMotion,
    onDrag: (index, xy) => s.movePoint(index, xy),
    onSelect: (index) => s.selectRow(index),
  };
  return [data, options];
}

/**
 * The embedding plane: the reader's tokens as draggable points, the outputs softmax(A)V, and
 * for the selected query row the lines that show its output as a mix of the value points. The
 * plane moves a dragged point itself at once; the outputs follow when the result lands.
 */
export function PlanePanel({ reducedMotion }: { reducedMotion: boolean }) {
  const store = useAttentionStoreApi();
  const inputs = useCallback(
    (s: State) => [s.tokens, s.points, currentResult(s), s.arrows, s.selectedRow],
    [],
  );
  const view = useCallback((s: State) => planeView(s, reducedMotion), [reducedMotion]);
  const ref = useStoreRenderer(store, drawPlane, inputs, view, [reducedMotion]);
  return <div ref={ref} className="dw-panel dw-plane-panel" />;
}
