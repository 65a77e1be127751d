import { useState } from "react";
import {
  HopfieldCapacityStoreProvider,
  useHopfieldCapacity,
  useHopfieldCapacityStoreApi,
} from "../../state/hopfieldCapacityContext";
import {
  createHopfieldCapacityStore,
  currentCurve,
  type HopfieldCapacityState,
  type HopfieldCapacityStore,
  type HopfieldCapacityStoreProps,
} from "../../state/hopfieldCapacityStore";
import type { Decoded } from "../../state/share/codec";
import {
  type HopfieldCapacityShared,
  hopfieldCapacityCodec,
  hopfieldCapacityShared,
} from "../../state/share/hopfieldCapacityShare";
import { usePublishedFigure } from "../shared/publishFigure";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { CapacityChart } from "./CapacityChart";
import { CapacityControls } from "./CapacityControls";
import { CapacityReadout } from "./CapacityReadout";
import { figureValue } from "./figureValue";
import { useRecallCurve } from "./useRecallCurve";
import "../shared/widget.css";
import "./hopfieldCapacity.css";

export interface HopfieldCapacityProps extends Omit<HopfieldCapacityStoreProps, "shared"> {
  /** Names this instance; unique on the page. */
  id: string;
}

/**
 * How many random ±1 patterns each rule can store: the fraction recalled exactly after one step
 * from a corrupted query, modern X softmax(βXᵀξ) against classical sign(Wξ), as N grows.
 */
export function HopfieldCapacity({ id, ...props }: HopfieldCapacityProps) {
  const start = useSharedStart(id, hopfieldCapacityCodec);
  const [store] = useState(() => createHopfieldCapacityStore({ ...props, shared: start?.state }));
  return <HopfieldCapacityView id={id} store={store} start={start} />;
}

const SPEC: ShareSpec<HopfieldCapacityState, HopfieldCapacityShared> = {
  codec: hopfieldCapacityCodec,
  toShared: hopfieldCapacityShared,
  title: "How many patterns a Hopfield memory recalls",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function HopfieldCapacityView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: HopfieldCapacityStore;
  /** What a link restored, if the widget started from one (its messages are shown). */
  start?: Decoded<HopfieldCapacityShared> | null;
}) {
  return (
    <HopfieldCapacityStoreProvider store={store}>
      <Layout id={id} start={start} />
    </HopfieldCapacityStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<HopfieldCapacityShared> | null }) {
  useRecallCurve();
  const store = useHopfieldCapacityStoreApi();
  const rootRef = usePublishedFigure(
    store,
    figureValue,
    (s, p) => s.curveVersion !== p.curveVersion || s.count !== p.count,
  );
  const notes = useHopfieldCapacity((s) => s.notes);
  const pending = useHopfieldCapacity((s) => currentCurve(s) === null);
  return (
    <div className="dw-widget dw-hopfield-capacity" id={id} ref={rootRef} aria-busy={pending || undefined}>
      <WidgetShare id={id} spec={SPEC} store={store} rootRef={rootRef} start={start} />
      <CapacityControls />
      {notes.map((note) => (
        <p key={note} className="dw-message dw-message-warning" role="status">
          {note}
        </p>
      ))}
      <CapacityChart />
      {pending ? <p className="dw-message">Computing the curve…</p> : null}
      <CapacityReadout />
    </div>
  );
}
