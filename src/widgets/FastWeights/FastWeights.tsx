import { useState } from "react";
import type { FastWeightRule } from "../../core/fastWeightMemory";
import type { FeatureMap } from "../../core/fastWeights";
import {
  FastWeightsStoreProvider,
  useFastWeights,
  useFastWeightsStoreApi,
} from "../../state/fastWeightsContext";
import {
  createFastWeightsStore,
  type FastWeightsState,
  type FastWeightsStore,
} from "../../state/fastWeightsStore";
import type { Decoded } from "../../state/share/codec";
import {
  type FastWeightsShared,
  fastWeightsCodec,
  fastWeightsShared,
} from "../../state/share/fastWeightsShare";
import { useEngine } from "../shared/EngineContext";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
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
  const start = useSharedStart(id, fastWeightsCodec);
  const [store] = useState(() =>
    createFastWeightsStore({ initialText, featureMap, rule, beta, shared: start?.state }),
  );
  return <FastWeightsView id={id} store={store} start={start} />;
}

const SPEC: ShareSpec<FastWeightsState, FastWeightsShared> = {
  codec: fastWeightsCodec,
  toShared: fastWeightsShared,
  title: "Fast weight player",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function FastWeightsView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: FastWeightsStore;
  /** What a link restored, if the widget started from one (its messages are shown). */
  start?: Decoded<FastWeightsShared> | null;
}) {
  return (
    <FastWeightsStoreProvider store={store}>
      <Layout id={id} start={start} />
    </FastWeightsStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<FastWeightsShared> | null }) {
  const engine = useEngine();
  useFastWeightsCompute(engine);
  const reducedMotion = useReducedMotion();
  usePlayback(reducedMotion);
  const store = useFastWeightsStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, (s, p) => newResult(s, p) || s.step !== p.step);
  const hasTokens = useFastWeights((s) => s.tokens.length > 0);

  return (
    <div className="dw-widget dw-fast-weights" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SPEC} store={store} rootRef={rootRef} start={start} />
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
