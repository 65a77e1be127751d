import { useState } from "react";
import {
  InContextRegressionStoreProvider,
  useInContextRegression,
  useInContextRegressionStoreApi,
} from "../../state/inContextRegressionContext";
import {
  createInContextRegressionStore,
  type InContextRegressionState,
  type InContextRegressionStore,
  type InContextRegressionStoreProps,
} from "../../state/inContextRegressionStore";
import type { Decoded } from "../../state/share/codec";
import {
  type InContextRegressionShared,
  inContextRegressionCodec,
  inContextRegressionShared,
} from "../../state/share/inContextRegressionShare";
import { useEngine } from "../shared/EngineContext";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { StoreBadge } from "../shared/StoreBadge";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { AgreementPanel } from "./AgreementPanel";
import { EffectiveWeights } from "./EffectiveWeights";
import { figureValue } from "./figureValue";
import { LayerParameters } from "./LayerParameters";
import { QueryTable } from "./QueryTable";
import { RegressionChart } from "./RegressionChart";
import { RegressionControls } from "./RegressionControls";
import { useRegressionCompute } from "./useRegressionCompute";
import "../shared/widget.css";
import "./inContextRegression.css";

export interface InContextRegressionProps extends Omit<InContextRegressionStoreProps, "shared"> {
  /** Names this instance; unique on the page. */
  id: string;
}

/**
 * In-context linear regression, solved twice: by K steps of gradient descent from w = 0 (core)
 * and by K linear self-attention layers with von Oswald et al.'s constructed parameters acting on
 * tokens (x_i, y_i) and queries (x_q, 0) (engine). The reader drags the examples; both answers move
 * together, the parameters never change, and the weights the layer applies (W_eff) do.
 */
export function InContextRegression({ id, ...props }: InContextRegressionProps) {
  const start = useSharedStart(id, inContextRegressionCodec);
  const [store] = useState(() => createInContextRegressionStore({ ...props, shared: start?.state }));
  return <InContextRegressionView id={id} store={store} start={start} />;
}

const SPEC: ShareSpec<InContextRegressionState, InContextRegressionShared> = {
  codec: inContextRegressionCodec,
  toShared: inContextRegressionShared,
  title: "One gradient step, one attention layer",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function InContextRegressionView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: InContextRegressionStore;
  /** What a link restored, if the widget started from one (its messages are shown). */
  start?: Decoded<InContextRegressionShared> | null;
}) {
  return (
    <InContextRegressionStoreProvider store={store}>
      <Layout id={id} start={start} />
    </InContextRegressionStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<InContextRegressionShared> | null }) {
  const engine = useEngine();
  useRegressionCompute(engine);
  const store = useInContextRegressionStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, newResult);
  const mode = useInContextRegression((s) => s.mode);

  return (
    <div className="dw-widget dw-icr" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SPEC} store={store} rootRef={rootRef} start={start} />
      <div className="dw-widget-top">
        <RegressionControls />
        <StoreBadge engine={engine} store={store} />
      </div>
      <Messages />
      <div className="dw-icr-figures">
        {mode === "line" ? <RegressionChart /> : <QueryTable />}
        <div className="dw-icr-side">
          <AgreementPanel />
          <EffectiveWeights />
        </div>
      </div>
      <LayerParameters />
    </div>
  );
}

/** The store's message about the reader's last action, and a failed update (the figure keeps the last result). */
function Messages() {
  const message = useInContextRegression((s) => s.message);
  const computeError = useInContextRegression((s) => s.computeError);
  return (
    <>
      {message ? (
        <p className={`dw-message${message.kind === "warning" ? " dw-message-warning" : ""}`} role="status">
          {message.text}
        </p>
      ) : null}
      {computeError ? (
        <p role="alert" className="dw-message dw-message-warning">
          The last update failed ({computeError}); the figure shows the previous result.
        </p>
      ) : null}
    </>
  );
}
