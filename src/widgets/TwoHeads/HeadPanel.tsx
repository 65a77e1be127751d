import { useCallback } from "react";
import { row } from "../../core/matrix";
import { presetNames, weightPresets } from "../../core/presets";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { drawPlane, type PlaneData, type PlaneOptions } from "../../viz/plane";
import { PresetSelect } from "../shared/PresetSelect";
import { useStoreRenderer } from "../shared/useStoreRenderer";
import { useTwoHeads, useTwoHeadsStoreApi } from "./twoHeadsContext";
import { currentResults, type TwoHeadsActions, type TwoHeadsState } from "./twoHeadsStore";

type State = TwoHeadsState & TwoHeadsActions;
type Head = 0 | 1;

function planeView(s: State, head: Head, reducedMotion: boolean): readonly [PlaneData, PlaneOptions] | null {
  if (s.tokens.length === 0) return null;
  const result = currentResults(s)?.[head];
  const data: PlaneData = result
    ? {
        tokens: s.tokens,
        points: s.points,
        outputs: result.out,
        mixing:
          s.selectedRow === null
            ? undefined
            : { row: s.selectedRow, weights: row(result.weights, s.selectedRow), values: result.v },
      }
    : { tokens: s.tokens, points: s.points };
  return [
    data,
    {
      selected: s.selectedRow,
      reducedMotion,
      onDrag: (index, xy) => s.movePoint(index, xy),
      onSelect: (index) => s.selectRow(index),
    },
  ];
}

function heatmapView(s: State, head: Head): readonly [HeatmapData, HeatmapOptions] | null {
  const result = currentResults(s)?.[head];
  if (!result) return null;
  return [
    {
      values: result.weights,
      rowLabels: s.tokens,
      colLabels: s.tokens,
      title: `Head ${head + 1} attention weights`,
    },
    {
      scale: "weights",
      selectedRow: s.selectedRow,
      onSelectRow: (index) => {
        if (index !== null) s.selectRow(index);
      },
    },
  ];
}

/**
 * One head: its preset, its plane (the shared tokens, this head's outputs, and the selected
 * query's output drawn as a mix of this head's values) and its weights heatmap. Dragging a token
 * in either head's plane moves it for both.
 */
export function HeadPanel({ head, reducedMotion }: { head: Head; reducedMotion: boolean }) {
  const store = useTwoHeadsStoreApi();
  const preset = useTwoHeads((s) => s.heads[head].preset);
  const setPreset = useTwoHeads((s) => s.setPreset);

  const planeInputs = useCallback((s: State) => [s.tokens, s.points, currentResults(s), s.selectedRow], []);
  const plane = useCallback((s: State) => planeView(s, head, reducedMotion), [head, reducedMotion]);
  const planeRef = useStoreRenderer(store, drawPlane, planeInputs, plane, [head, reducedMotion]);

  const heatInputs = useCallback((s: State) => [currentResults(s), s.tokens, s.selectedRow], []);
  const heat = useCallback((s: State) => heatmapView(s, head), [head]);
  const heatRef = useStoreRenderer(store, drawHeatmap, heatInputs, heat, [head], (element, s) => {
    const panel = element.parentElement;
    if (panel) panel.dataset.resultVersion = currentResults(s) ? String(s.resultVersion) : "";
  });

  return (
    <section className="dw-panel dw-head-panel" aria-label={`Head ${head + 1}`} data-head={head}>
      <p className="dw-panel-title">Head {head + 1}</p>
      <PresetSelect
        label={`Head ${head + 1} projections`}
        names={presetNames}
        value={preset}
        presetOf={(name) => weightPresets[name]}
        onChange={(name) => setPreset(head, name)}
      />
      <div ref={planeRef} className="dw-plane-panel" />
      <div className="dw-heatmap-panel" data-kind="weights">
        <div ref={heatRef} />
      </div>
    </section>
  );
}
