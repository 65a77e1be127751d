import { useState } from "react";
import type { PresetName } from "../../core/presets";
import type { Decoded } from "../../state/share/codec";
import { type TwoHeadsShared, twoHeadsCodec, twoHeadsShared } from "../../state/share/twoHeadsShare";
import { useEngine } from "../shared/EngineContext";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { useReducedMotion } from "../shared/useReducedMotion";
import { WidgetHeader } from "../shared/WidgetHeader";
import { twoHeadsFigureValue } from "./figureValue";
import { HeadPanel } from "./HeadPanel";
import { TwoHeadsStoreProvider, useTwoHeads, useTwoHeadsStoreApi } from "./twoHeadsContext";
import { createTwoHeadsStore, type TwoHeadsState } from "./twoHeadsStore";
import { useTwoHeadsCompute } from "./useTwoHeadsCompute";
import "../shared/widget.css";
import "./twoHeads.css";
import { newResult, usePublishedFigure } from "../shared/publishFigure";

export interface TwoHeadsProps {
  /** Names this instance; unique on the page. */
  id: string;
  initialText?: string;
  /** Head 1's and head 2's projection presets; default "similar" and "rotation". */
  presets?: readonly [PresetName, PresetName];
}

/**
 * Two attention heads reading the same tokens with different W_Q and W_K. Each head has its own
 * plane and weights heatmap; drag a token in either plane and both heads recompute.
 */
export function TwoHeads({ id, initialText, presets }: TwoHeadsProps) {
  const start = useSharedStart(id, twoHeadsCodec);
  const [store] = useState(() => createTwoHeadsStore({ initialText, presets, shared: start?.state }));
  return (
    <TwoHeadsStoreProvider store={store}>
      <TwoHeadsLayout id={id} start={start} />
    </TwoHeadsStoreProvider>
  );
}

/** How the figure shares itself: the same for every instance, so made once. */
const shareSpec: ShareSpec<TwoHeadsState, TwoHeadsShared> = {
  codec: twoHeadsCodec,
  title: "Two attention heads on one sentence",
  toShared: twoHeadsShared,
};

function TwoHeadsLayout({ id, start }: { id: string; start: Decoded<TwoHeadsShared> | null }) {
  const engine = useEngine();
  useTwoHeadsCompute(engine);
  const reducedMotion = useReducedMotion();
  const store = useTwoHeadsStoreApi();
  const rootRef = usePublishedFigure(store, twoHeadsFigureValue, newResult);
  const count = useTwoHeads((s) => s.tokens.length);

  return (
    <div className="dw-widget dw-two-heads" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={shareSpec} store={store} rootRef={rootRef} start={start} />
      <WidgetHeader engine={engine} store={store} />
      {count > 0 ? (
        <div className="dw-two-heads-grid">
          <HeadPanel head={0} reducedMotion={reducedMotion} />
          <HeadPanel head={1} reducedMotion={reducedMotion} />
        </div>
      ) : null}
    </div>
  );
}
