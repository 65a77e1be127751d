import { useEffect, useState } from "react";
import type { PresetName } from "../../core/presets";
import type { Engine } from "../../engine";
import type { Decoded } from "../../state/share/codec";
import {
  type TwoMeaningsShared,
  twoMeaningsCodec,
  twoMeaningsShared,
} from "../../state/share/twoMeaningsShare";
import {
  TwoMeaningsStoreProvider,
  useTwoMeanings,
  useTwoMeaningsStoreApi,
} from "../../state/twoMeaningsContext";
import {
  createTwoMeaningsStore,
  type TwoMeaningsState,
  type TwoMeaningsStore,
} from "../../state/twoMeaningsStore";
import { BackendBadge } from "../shared/BackendBadge";
import { useEngine } from "../shared/EngineContext";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";

import { ParameterPanel } from "./ParameterPanel";
import { TwoMeaningsControls } from "./TwoMeaningsControls";
import { useTwoMeaningsCompute } from "./useTwoMeaningsCompute";
import { WeightsGrid } from "./WeightsGrid";
import "../shared/widget.css";
import "./twoMeanings.css";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { figureValue } from "./figureValue";

export interface TwoMeaningsProps {
  /** Names this instance; unique on the page. */
  id: string;
  seed?: number;
  /** K, how many random inputs (1–50). */
  count?: number;
  /** n, tokens per input (2–8). */
  tokensPerInput?: number;
  preset?: PresetName;
}

/**
 * K random sentences through one attention head with the same W_Q, W_K, W_V: the parameters are
 * drawn once and checked identical across inputs, while the attention weights A differ for each.
 */
export function TwoMeanings({ id, seed, count, tokensPerInput, preset }: TwoMeaningsProps) {
  const start = useSharedStart(id, twoMeaningsCodec);
  const [store] = useState(() =>
    createTwoMeaningsStore({ seed, count, tokensPerInput, preset, shared: start?.state }),
  );
  return <TwoMeaningsView id={id} store={store} start={start} />;
}

/** How the figure shares itself: the same for every instance, so made once. */
const shareSpec: ShareSpec<TwoMeaningsState, TwoMeaningsShared> = {
  codec: twoMeaningsCodec,
  title: "The same parameters, many inputs",
  toShared: twoMeaningsShared,
};

/**
 * The widget around a store the host holds (tests, an embed's `update`). `start` is what a link
 * restored into that store, so the figure can say what it could not use.
 */
export function TwoMeaningsView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: TwoMeaningsStore;
  start?: Decoded<TwoMeaningsShared> | null;
}) {
  return (
    <TwoMeaningsStoreProvider store={store}>
      <Layout id={id} start={start} />
    </TwoMeaningsStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<TwoMeaningsShared> | null }) {
  const engine = useEngine();
  useTwoMeaningsCompute(engine);
  const store = useTwoMeaningsStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);
  const computeError = useTwoMeanings((s) => s.computeError);

  return (
    <div className="dw-widget dw-two-meanings" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={shareSpec} store={store} rootRef={rootRef} start={start} />
      <div className="dw-widget-top">
        <TwoMeaningsControls />
        <Badge engine={engine} />
      </div>
      {computeError ? (
        <p role="alert" className="dw-message dw-message-warning">
          The last update failed ({computeError}); the figure shows the previous result.
        </p>
      ) : null}
      <ParameterPanel />
      <WeightsGrid />
    </div>
  );
}

/** The badge; a batch lands a few times a second at most, so it can follow every result. */
function Badge({ engine }: { engine: Engine }) {
  const store = useTwoMeaningsStoreApi();
  const [ms, setMs] = useState(() => store.getState().computeMs);
  useEffect(() => store.subscribe((s) => setMs(s.computeMs)), [store]);
  return <BackendBadge engine={engine} ms={ms} />;
}
