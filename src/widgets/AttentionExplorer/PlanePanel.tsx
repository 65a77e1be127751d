import { useCallback, useMemo } from "react";
import type { AttentionResult } from "../../core/attention";
import { convexHull } from "../../core/hull";
import { type Matrix, matrix, row } from "../../core/matrix";
import { useAttentionStoreApi } from "../../state/attentionContext";
import type { AttentionActions, AttentionState } from "../../state/attentionStore";
import { drawPlane, type PlaneData, type PlaneOptions } from "../../viz/plane";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { currentResult } from "./currentResult";

type State = AttentionState & AttentionActions;

type HullOf = (result: AttentionResult, row: number) => Matrix;

/**
 * The hull a row's output must lie in under row-wise softmax: that of the values its query may
 * see (masked keys, with a score of −∞, are left out). Remembers the last answer, because the
 * plane is redrawn for every drag step while the result, and so the hull, changes less often.
 */
function createHullOf(): HullOf {
  let last: { result: AttentionResult; row: number; hull: Matrix } | null = null;
  return (result, i) => {
    if (last && last.result === result && last.row === i) return last.hull;
    const { scores, v } = result;
    const visible: number[] = [];
    for (let j = 0; j < scores.cols; j++) {
      if (scores.data[i * scores.cols + j] !== Number.NEGATIVE_INFINITY)
        visible.push(v.data[j * v.cols], v.data[j * v.cols + 1]);
    }
    const hull = convexHull(matrix(visible.length / 2, 2, visible));
    last = { result, row: i, hull };
    return hull;
  };
}

function planeView(
  s: State,
  reducedMotion: boolean,
  hullOf: HullOf,
): readonly [PlaneData, PlaneOptions] | null {
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
        hull: selectedRow === null || result.v.cols < 2 ? undefined : hullOf(result, selectedRow),
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
 * for the selected query row the lines that show its output as a mix of the value points, inside
 * the shaded convex hull of the values that row may see. The
 * plane moves a dragged point itself at once; the outputs follow when the result lands.
 */
export function PlanePanel({ reducedMotion }: { reducedMotion: boolean }) {
  const store = useAttentionStoreApi();
  const inputs = useCallback(
    (s: State) => [s.tokens, s.points, currentResult(s), s.arrows, s.selectedRow],
    [],
  );
  const hullOf = useMemo(createHullOf, []);
  const view = useCallback((s: State) => planeView(s, reducedMotion, hullOf), [reducedMotion, hullOf]);
  const ref = useStoreRenderer(store, drawPlane, inputs, view, [reducedMotion]);
  return <div ref={ref} className="dw-panel dw-plane-panel" />;
}
