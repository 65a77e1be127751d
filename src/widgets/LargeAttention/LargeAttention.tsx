import { useState } from "react";
import {
  LargeAttentionStoreProvider,
  useLargeAttention,
  useLargeAttentionStoreApi,
} from "../../state/largeAttentionContext";
import type { LargeAttentionStoreProps } from "../../state/largeAttentionSettings";
import { createLargeAttentionStore, type LargeAttentionStore } from "../../state/largeAttentionStore";
import { useEngine } from "../shared/EngineContext";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { StoreBadge } from "../shared/StoreBadge";
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
  const [store] = useState(() => createLargeAttentionStore(props));
  return <LargeAttentionView id={id} store={store} />;
}

/** The widget around a store the host holds (tests, an embed's `update`). */
export function LargeAttentionView({ id, store }: { id: string; store: LargeAttentionStore }) {
  return (
    <LargeAttentionStoreProvider store={store}>
      <Layout id={id} />
    </LargeAttentionStoreProvider>
  );
}

function Layout({ id }: { id: string }) {
  const engine = useEngine();
  useLargeAttentionCompute(engine);
  const store = useLargeAttentionStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);
  const message = useLargeAttention((s) => s.message);
  return (
    <div className="dw-widget dw-large" id={id} ref={rootRef}>
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
