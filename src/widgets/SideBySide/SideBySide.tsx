import { useState } from "react";
import type { Decoded } from "../../state/share/codec";
import { type SideBySideShared, sideBySideCodec, sideBySideShared } from "../../state/share/sideBySideShare";
import { SideBySideStoreProvider, useSideBySide, useSideBySideStoreApi } from "../../state/sideBySideContext";
import {
  createSideBySideStore,
  type SideBySideState,
  type SideBySideStore,
} from "../../state/sideBySideStore";
import { useEngine } from "../shared/EngineContext";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { useReducedMotion } from "../shared/useReducedMotion";
import { WidgetHeader } from "../shared/WidgetHeader";

import { MixingPanel } from "./MixingPanel";
import { OutputPicker, SideBySideControls } from "./SideBySideControls";
import { OutputShiftReadout, SideBySideCounters } from "./SideBySideCounters";
import { SideBySidePlane } from "./SideBySidePlane";
import { useSideBySideCompute } from "./useSideBySideCompute";
import "../shared/widget.css";
import "./sideBySide.css";
import { usePublishedFigure } from "../shared/publishFigure";
import { figureValue } from "./figureValue";

export interface SideBySideProps {
  /** Names this instance; unique on the page. */
  id: string;
  initialText?: string;
  /** Seed of the RNG that draws the MLP's A and B. */
  seed?: number;
}

/**
 * One set of tokens driving two models: self-attention with fixed W_Q, W_K, W_V (the "similar"
 * preset) and a fixed MLP σ(XAᵀ)Bᵀ. Each model's token-mixing matrix is shown, attention's can
 * be frozen into a fixed linear layer, and a readout says how far a chosen output moved in each.
 */
export function SideBySide({ id, initialText, seed }: SideBySideProps) {
  const start = useSharedStart(id, sideBySideCodec);
  const [store] = useState(() => createSideBySideStore({ initialText, seed, shared: start?.state }));
  return <SideBySideView id={id} store={store} start={start} />;
}

/** How the figure shares itself: the same for every instance, so made once. */
const shareSpec: ShareSpec<SideBySideState, SideBySideShared> = {
  codec: sideBySideCodec,
  title: "Attention and a fixed MLP, side by side",
  toShared: sideBySideShared,
};

/**
 * The widget around a store the host holds (tests, an embed's `update`). `start` is what a link
 * restored into that store, so the figure can say what it could not use.
 */
export function SideBySideView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: SideBySideStore;
  start?: Decoded<SideBySideShared> | null;
}) {
  return (
    <SideBySideStoreProvider store={store}>
      <SideBySideLayout id={id} start={start} />
    </SideBySideStoreProvider>
  );
}

function SideBySideLayout({ id, start }: { id: string; start: Decoded<SideBySideShared> | null }) {
  const engine = useEngine();
  useSideBySideCompute(engine);
  const reducedMotion = useReducedMotion();
  const store = useSideBySideStoreApi();
  const rootRef = usePublishedFigure(
    store,
    figureValue,
    (s, p) => s.resultVersion !== p.resultVersion || s.frozen !== p.frozen,
  );
  const hasTokens = useSideBySide((s) => s.tokens.length > 0);

  return (
    <div className="dw-widget dw-side-by-side" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={shareSpec} store={store} rootRef={rootRef} start={start} />
      <WidgetHeader engine={engine} store={store} />
      <div className="dw-sbs-bar">
        <SideBySideControls />
        <SideBySideCounters />
      </div>
      {hasTokens ? (
        <>
          <OutputPicker />
          <OutputShiftReadout />
          <div className="dw-sbs-figures">
            <SideBySidePlane reducedMotion={reducedMotion} />
            <MixingPanel kind="mlp" />
            <MixingPanel kind="attention" />
          </div>
        </>
      ) : null}
    </div>
  );
}
