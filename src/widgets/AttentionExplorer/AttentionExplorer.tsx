import { useMemo, useState } from "react";
import type { PresetName } from "../../core/presets";
import { AttentionStoreProvider, useAttention, useAttentionStoreApi } from "../../state/attentionContext";
import { type AttentionState, createAttentionStore } from "../../state/attentionStore";
import { type AttentionShared, attentionCodec, attentionShared } from "../../state/share/attentionShare";
import type { Decoded } from "../../state/share/codec";
import { useEngine } from "../shared/EngineContext";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
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
  const start = useSharedStart(id, attentionCodec);
  const [store] = useState(() => createAttentionStore({ initialText, preset, shared: start?.state }));
  return (
    <AttentionStoreProvider store={store}>
      <ExplorerLayout id={id} stepByStep={start ? start.state.steps : stepByStep} start={start} />
    </AttentionStoreProvider>
  );
}

function ExplorerLayout({
  id,
  stepByStep,
  start,
}: {
  id: string;
  stepByStep: boolean;
  start: Decoded<AttentionShared> | null;
}) {
  const engine = useEngine();
  useAttentionCompute(engine);
  const reducedMotion = useReducedMotion();
  const hasTokens = useAttention((s) => s.tokens.length > 0);
  const store = useAttentionStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);
  const spec = useMemo<ShareSpec<AttentionState, AttentionShared>>(
    () => ({
      codec: attentionCodec,
      title: "Self-attention explorer",
      // The step-by-step controls open in a shared copy when the link's state uses them.
      toShared: (s) => {
        const shared = attentionShared(s, stepByStep);
        const usesSteps = shared.norm !== "rows" || !shared.scale || shared.masked.length > 0;
        return usesSteps ? { ...shared, steps: true } : shared;
      },
    }),
    [stepByStep],
  );

  return (
    <div className="dw-widget dw-attention-explorer" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={spec} store={store} rootRef={rootRef} start={start} />
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
