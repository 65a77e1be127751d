import { useState } from "react";
import { SideBySideStoreProvider, useSideBySide, useSideBySideStoreApi } from "../../state/sideBySideContext";
import { createSideBySideStore, type SideBySideStore } from "../../state/sideBySideStore";
import { useEngine } from "../shared/EngineContext";
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
  const [store] = useState(() => createSideBySideStore({ initialText, seed }));
  return <SideBySideView id={id} store={store} />;
}

/** The widget around a store the host holds (tests, an embed's `update`). */
export function SideBySideView({ id, store }: { id: string; store: SideBySideStore }) {
  return (
    <SideBySideStoreProvider store={store}>
      <SideBySideLayout id={id} />
    </SideBySideStoreProvider>
  );
}

function SideBySideLayout({ id }: { id: string }) {
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
