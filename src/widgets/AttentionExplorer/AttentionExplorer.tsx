import { useState } from "react";
import type { PresetName } from "../../core/presets";
import { AttentionStoreProvider, useAttention, useAttentionStoreApi } from "../../state/attentionContext";
import { createAttentionStore } from "../../state/attentionStore";
import { useEngine } from "../shared/EngineContext";
import { useReducedMotion } from "../shared/useReducedMotion";
import { WidgetHeader } from "../shared/WidgetHeader";

import { HeatmapPanel } from "./HeatmapPanel";
import { PlanePanel } from "./PlanePanel";
import { ProjectionControls } from "./ProjectionControls";
import { StepControls } from "./StepControls";
import { useAttentionCompute } from "./useAttentionCompute";
import { ViewControls } from "./ViewControls";
import "../shared/widget.css";
import "./attentionExplorer.css";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { figureValue } from "./figureValue";

export interface AttentionExplorerProps {
  /** Names this instance (for labels and, later, its share link); unique on the page. */
  id: string;
  initialText?: string;
  preset?: PresetName;
  /** Opens the "Step by step" controls (normalisation, √d, hidden keys) at first render. */
  stepByStep?: boolean;
}

/**
 * Self-attention on the reader's own tokens: type a sentence, drag its tokens in the plane, edit
 * W_Q, W_K, W_V, and watch the scores QKᵀ/√d and the weights softmax(QKᵀ/√d) recomputed.
 * Each instance owns its store, so two explorers on one page never interfere.
 */
export function AttentionExplorer({ id, initialText, preset, stepByStep = false }: AttentionExplorerProps) {
  const [store] = useState(() => createAttentionStore({ initialText, preset }));
  return (
    <AttentionStoreProvider store={store}>
      <ExplorerLayout id={id} stepByStep={stepByStep} />
    </AttentionStoreProvider>
  );
}

function ExplorerLayout({ id, stepByStep }: { id: string; stepByStep: boolean }) {
  const engine = useEngine();
  useAttentionCompute(engine);
  const reducedMotion = useReducedMotion();
  const hasTokens = useAttention((s) => s.tokens.length > 0);
  const store = useAttentionStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);

  return (
    <div className="dw-widget dw-attention-explorer" id={id} ref={rootRef}>
      <WidgetHeader engine={engine} store={store} />
      {hasTokens ? (
        <div className="dw-explorer-figures">
          <PlanePanel reducedMotion={reducedMotion} />
          <div className="dw-explorer-heatmaps">
            <HeatmapPanel kind="scores" />
            <HeatmapPanel kind="weights" />
          </div>
        </div>
      ) : null}
      <div className="dw-explorer-controls">
        <ProjectionControls />
        <ViewControls />
      </div>
      <StepControls open={stepByStep} />
    </div>
  );
}
