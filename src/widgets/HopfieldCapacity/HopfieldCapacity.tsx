import { useState } from "react";
import {
  HopfieldCapacityStoreProvider,
  useHopfieldCapacity,
  useHopfieldCapacityStoreApi,
} from "../../state/hopfieldCapacityContext";
import {
  createHopfieldCapacityStore,
  currentCurve,
  type HopfieldCapacityStore,
  type HopfieldCapacityStoreProps,
} from "../../state/hopfieldCapacityStore";
import { usePublishedFigure } from "../shared/publishFigure";
import { CapacityChart } from "./CapacityChart";
import { CapacityControls } from "./CapacityControls";
import { CapacityReadout } from "./CapacityReadout";
import { figureValue } from "./figureValue";
import { useRecallCurve } from "./useRecallCurve";
import "../shared/widget.css";
import "./hopfieldCapacity.css";

export interface HopfieldCapacityProps extends HopfieldCapacityStoreProps {
  /** Names this instance; unique on the page. */
  id: string;
}

/**
 * How many random ±1 patterns each rule can store: the fraction recalled exactly after one step
 * from a corrupted query, modern X softmax(βXᵀξ) against classical sign(Wξ), as N grows.
 */
export function HopfieldCapacity({ id, ...props }: HopfieldCapacityProps) {
  const [store] = useState(() => createHopfieldCapacityStore(props));
  return <HopfieldCapacityView id={id} store={store} />;
}

/** The widget around a store the host holds (tests, an embed's `update`). */
export function HopfieldCapacityView({ id, store }: { id: string; store: HopfieldCapacityStore }) {
  return (
    <HopfieldCapacityStoreProvider store={store}>
      <Layout id={id} />
    </HopfieldCapacityStoreProvider>
  );
}

function Layout({ id }: { id: string }) {
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
