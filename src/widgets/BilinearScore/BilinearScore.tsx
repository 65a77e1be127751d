import { useState } from "react";
import { BilinearStoreProvider, useBilinear, useBilinearStoreApi } from "../../state/bilinearContext";
import {
  type BilinearPresetName,
  type BilinearState,
  type BilinearStore,
  createBilinearStore,
} from "../../state/bilinearStore";
import { type BilinearShared, bilinearCodec, bilinearShared } from "../../state/share/bilinearShare";
import type { Decoded } from "../../state/share/codec";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { TokenField } from "../shared/TokenField";
import { useReducedMotion } from "../shared/useReducedMotion";
import { BilinearPlanePanel } from "./BilinearPlanePanel";

import { LayerTermsTable } from "./LayerTermsTable";
import { TermsTable } from "./TermsTable";
import { TokenPickers } from "./TokenPickers";
import { useReadout } from "./useReadout";
import { WeightControls } from "./WeightControls";
import "../shared/widget.css";
import "./bilinearScore.css";
import { usePublishedFigure } from "../shared/publishFigure";
import { figureValue, INPUTS } from "./figureValue";

export interface BilinearScoreProps {
  /** Names this instance; unique on the page. */
  id: string;
  initialText?: string;
  /** Initial query token i and key token j (indices into the tokens). */
  query?: number;
  key?: number;
  preset?: BilinearPresetName;
}

/**
 * One attention score written out term by term: s_ij = Σ_{a,b} x_i[a]·M[a,b]·x_j[b] with
 * M = W_Q W_Kᵀ/√d, beside core attention's score and beside a fixed layer's Σ_a A[h,a]·x[a].
 * The numbers are a few products computed with src/core in the same frame as a drag, so this
 * widget needs no tfjs engine.
 */
export function BilinearScore({ id, initialText, query, key, preset }: BilinearScoreProps) {
  const start = useSharedStart(id, bilinearCodec);
  const [store] = useState(() =>
    createBilinearStore({ initialText, query, key, preset, shared: start?.state }),
  );
  return <BilinearScoreView id={id} store={store} start={start} />;
}

/** How the figure shares itself: the same for every instance, so made once. */
const shareSpec: ShareSpec<BilinearState, BilinearShared> = {
  codec: bilinearCodec,
  title: "One attention score, term by term",
  toShared: bilinearShared,
};

/**
 * The widget around a store the host holds (tests, an embed's `update`). `start` is what a link
 * restored into that store, so the figure can say what it could not use.
 */
export function BilinearScoreView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: BilinearStore;
  start?: Decoded<BilinearShared> | null;
}) {
  return (
    <BilinearStoreProvider store={store}>
      <Layout id={id} start={start} />
    </BilinearStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<BilinearShared> | null }) {
  const store = useBilinearStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, (s, p) =>
    INPUTS.some((name) => s[name] !== p[name]),
  );
  const reducedMotion = useReducedMotion();
  const readout = useReadout();
  const text = useBilinear((s) => s.text);
  const message = useBilinear((s) => s.message);
  const count = useBilinear((s) => s.tokens.length);
  const setText = useBilinear((s) => s.setText);
  const resetPoints = useBilinear((s) => s.resetPoints);

  return (
    <div className="dw-widget dw-bilinear-score" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={shareSpec} store={store} rootRef={rootRef} start={start} />
      <div className="dw-widget-top">
        <TokenField text={text} message={message} count={count} onChange={setText} />
      </div>
      {readout ? (
        <div className="dw-bilinear-bar">
          <TokenPickers />
          <button type="button" onClick={resetPoints}>
            Reset token positions
          </button>
        </div>
      ) : null}
      <div className="dw-bilinear-figures">
        {readout ? <BilinearPlanePanel reducedMotion={reducedMotion} /> : null}
        <WeightControls readout={readout} />
        {readout ? (
          <div className="dw-bilinear-tables">
            <TermsTable readout={readout} />
            <LayerTermsTable readout={readout} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
