import { useState } from "react";
import type { FastWeightRule } from "../../core/fastWeightMemory";
import type { FeatureMap } from "../../core/fastWeights";
import {
  FastWeightsStoreProvider,
  useFastWeights,
  useFastWeightsStoreApi,
} from "../../state/fastWeightsContext";
import { createFastWeightsStore, type FastWeightsStore } from "../../state/fastWeightsStore";
import { useEngine } from "../shared/EngineContext";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { useReducedMotion } from "../shared/useReducedMotion";
import { WidgetHeader } from "../shared/WidgetHeader";
import { AttentionFormPanel } from "./AttentionFormPanel";
import { figureValue } from "./figureValue";
import { MemoryPanel } from "./MemoryPanel";
import { PlayerControls } from "./PlayerControls";
import { ReadPanel } from "./ReadPanel";
import { RuleControls } from "./RuleControls";
import { useFastWeightsCompute } from "./useFastWeightsCompute";
import { usePlayback } from "./usePlayback";
import "../shared/widget.css";
import "./fastWeights.css";

export interface FastWeightsProps {
  /** Names this instance; unique on the page. */
  id: string;
  initialText?: string;
  featureMap?: FeatureMap;
  rule?: FastWeightRule;
  beta?: number;
}

/**
 * The fast weight player: the reader's tokens write a 4 × 4 matrix one outer product at a time,
 * each token reads it with its query, and the read is set beside causal linear attention's
 * output computed by the engine. Each instance owns its store.
 */
export function FastWeights({ id, initialText, featureMap, rule, beta }: FastWeightsProps) {
  const [store] = useState(() => createFastWeightsStore({ initialText, featureMap, rule, beta }));
  return <FastWeightsView id={id} store={store} />;
}

/** The widget around a store the host holds (tests, an embed's `update`). */
export function FastWeightsView({ id, store }: { id: string; store: FastWeightsStore }) {
  return (
    <FastWeightsStoreProvider store={store}>
      <Layout id={id} />
    </FastWeightsStoreProvider>
  );
}

function Layout({ id }: { id: string }) {
  const engine = useEngine();
  useFastWeightsCompute(engine);
  const reducedMotion = useReducedMotion();
  usePlayback(reducedMotion);
  const store = useFastWeightsStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, (s, p) => newResult(s, p) || s.step !== p.step);
  const hasTokens = useFastWeights((s) => s.tokens.length > 0);

  return (
    <div className="dw-widget dw-fast-weights" id={id} ref={rootRef}>
      <WidgetHeader engine={engine} store={store} />
      <RuleControls />
      {hasTokens ? (
        <>
          <PlayerControls reducedMotion={reducedMotion} />
          <MemoryPanel />
          <div className="dw-fw-forms">
            <ReadPanel />
            <AttentionFormPanel />
          </div>
        </>
      ) : null}
    </div>
  );
}
