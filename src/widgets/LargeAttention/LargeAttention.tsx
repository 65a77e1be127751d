import { useState } from "react";
import {
  LargeAttentionStoreProvider,
  useLargeAttention,
  useLargeAttentionStoreApi,
} from "../../state/largeAttentionContext";
import type { LargeAttentionStoreProps } from "../../state/largeAttentionSettings";
import {
  createLargeAttentionStore,
  type LargeAttentionState,
  type LargeAttentionStore,
} from "../../state/largeAttentionStore";
import type { Decoded } from "../../state/share/codec";
import {
  type LargeAttentionShared,
  largeAttentionCodec,
  largeAttentionShared,
} from "../../state/share/largeAttentionShare";
import { useEngine } from "../shared/EngineContext";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { StoreBadge } from "../shared/StoreBadge";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { CentresChart } from "./CentresChart";
import { figureValue } from "./figureValue";
import { LargeControls } from "./LargeControls";
import { MatrixPanels } from "./MatrixPanels";
import { UpdateReadout } from "./UpdateReadout";
import { useLargeAttentionCompute } from "./useLargeAttentionCompute";
import "../shared/widget.css";
import "./largeAttention.css";

export interface LargeAttentionProps extends LargeAttentionStoreProps {
  /** Names this instance; unique on the page. */
  id: string;
}

/**
 * Attention at scale: n generated tokens (8 … 4096) in k clusters whose centres the reader drags,
 * one head with seeded W_Q, W_K, W_V [d, d], and the n × n scores and weights pooled on the backend
 * to the block on screen (zoomable, never read back whole).
 */
export function LargeAttention({ id, ...props }: LargeAttentionProps) {
  const start = useSharedStart(id, largeAttentionCodec);
  const [store] = useState(() => createLargeAttentionStore({ ...props, shared: start?.state }));
  return <LargeAttentionView id={id} store={store} start={start} />;
}

const SHARE_SPEC: ShareSpec<LargeAttentionState, LargeAttentionShared> = {
  codec: largeAttentionCodec,
  toShared: largeAttentionShared,
  title: "Attention at scale",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function LargeAttentionView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: LargeAttentionStore;
  /** What a link restored, if the store started from one (its messages are shown). */
  start?: Decoded<LargeAttentionShared> | null;
}) {
  return (
    <LargeAttentionStoreProvider store={store}>
      <Layout id={id} start={start} />
    </LargeAttentionStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<LargeAttentionShared> | null }) {
  const engine = useEngine();
  useLargeAttentionCompute(engine);
  const store = useLargeAttentionStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);
  const message = useLargeAttention((s) => s.message);
  return (
    <div className="dw-widget dw-large" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SHARE_SPEC} store={store} rootRef={rootRef} start={start} />
      <div className="dw-widget-top">
        <LargeControls />
        <StoreBadge engine={engine} store={store} />
      </div>
      {message ? (
        <p className="dw-message dw-message-warning" role="status">
          {message.text}
        </p>
      ) : null}
      <div className="dw-large-figures">
        <CentresChart />
        <MatrixPanels />
      </div>
      <UpdateReadout />
    </div>
  );
}
