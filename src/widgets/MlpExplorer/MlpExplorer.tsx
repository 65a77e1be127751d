import { useState } from "react";
import type { Activation } from "../../core/mlp";
import { MlpStoreProvider, useMlp, useMlpStoreApi } from "../../state/mlpContext";
import { createMlpStore, type MlpState, type MlpStore } from "../../state/mlpStore";
import type { Decoded } from "../../state/share/codec";
import { type MlpShared, mlpCodec, mlpShared } from "../../state/share/mlpShare";
import { useEngine } from "../shared/EngineContext";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { useReducedMotion } from "../shared/useReducedMotion";
import { WidgetHeader } from "../shared/WidgetHeader";
import { ChangeCounters } from "./ChangeCounters";

import { MlpControls } from "./MlpControls";
import { MlpHeatmapPanel } from "./MlpHeatmapPanel";
import { MlpPlanePanel } from "./MlpPlanePanel";
import { useMlpCompute } from "./useMlpCompute";
import "../shared/widget.css";
import "./mlpExplorer.css";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { figureValue } from "./figureValue";

export interface MlpExplorerProps {
  /** Names this instance (for labels and its share link); unique on the page. */
  id: string;
  initialText?: string;
  activation?: Activation;
  /** Seed of the RNG that draws A and B. */
  seed?: number;
}

/**
 * A fixed two-layer MLP σ(XAᵀ)Bᵀ on the reader's tokens, token by token: drag a token and its
 * hidden activations and output move, while A and B, drawn once from a seed, never change.
 * Each instance owns its store, so two explorers on one page never interfere.
 */
export function MlpExplorer({ id, initialText, activation, seed }: MlpExplorerProps) {
  const start = useSharedStart(id, mlpCodec);
  const [store] = useState(() => createMlpStore({ initialText, activation, seed, shared: start?.state }));
  return <MlpExplorerView id={id} store={store} start={start} />;
}

/** How the explorer shares itself: the same for every instance, so made once. */
const shareSpec: ShareSpec<MlpState, MlpShared> = {
  codec: mlpCodec,
  title: "A fixed MLP, token by token",
  toShared: mlpShared,
};

/**
 * The widget around a store the host holds (tests, an embed's `update`). `start` is what a link
 * restored into that store, so the figure can say what it could not use.
 */
export function MlpExplorerView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: MlpStore;
  start?: Decoded<MlpShared> | null;
}) {
  return (
    <MlpStoreProvider store={store}>
      <ExplorerLayout id={id} start={start} />
    </MlpStoreProvider>
  );
}

function ExplorerLayout({ id, start }: { id: string; start: Decoded<MlpShared> | null }) {
  const engine = useEngine();
  useMlpCompute(engine);
  const reducedMotion = useReducedMotion();
  const store = useMlpStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);
  const hasTokens = useMlp((s) => s.tokens.length > 0);

  return (
    <div className="dw-widget dw-mlp-explorer" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={shareSpec} store={store} rootRef={rootRef} start={start} />
      <WidgetHeader engine={engine} store={store} />
      <div className="dw-mlp-bar">
        <MlpControls />
        <ChangeCounters />
      </div>
      <div className="dw-mlp-figures">
        {hasTokens ? <MlpPlanePanel reducedMotion={reducedMotion} /> : null}
        <div className="dw-mlp-parameters">
          <MlpHeatmapPanel kind="a" />
          <MlpHeatmapPanel kind="b" />
        </div>
        {hasTokens ? (
          <div className="dw-mlp-hidden">
            <MlpHeatmapPanel kind="hidden" />
            <MlpHeatmapPanel kind="gates" />
          </div>
        ) : null}
      </div>
    </div>
  );
}
