import { useState } from "react";
import type { KeyKind } from "../../core/memoryCapacity";
import { type CapacityState, type CapacityStore, createCapacityStore } from "../../state/capacityStore";
import { CapacityStoreProvider, useCapacity, useCapacityStoreApi } from "../../state/fastWeightsContext";
import { usePublishedFigure } from "../shared/publishFigure";
import { CapacityChart } from "./CapacityChart";
import { CapacityControls } from "./CapacityControls";
import "../shared/widget.css";
import "./memoryCapacity.css";

export interface MemoryCapacityProps {
  id: string;
  seed?: number;
  dimension?: number;
  count?: number;
  keyKind?: KeyKind;
}

/** What a host reads as `element.value`. */
export interface CapacityFigureValue {
  seed: number;
  dimension: number;
  count: number;
  keyKind: KeyKind;
  /** Mean retrieval error with N stored, for the current N. */
  sumError: number;
  deltaError: number;
  /** The whole curves, index N − 1. */
  sum: number[];
  delta: number[];
}

function figureValue(s: CapacityState): CapacityFigureValue {
  return {
    seed: s.seed,
    dimension: s.dimension,
    count: s.count,
    keyKind: s.keyKind,
    sumError: s.curves.sum[s.count - 1],
    deltaError: s.curves.delta[s.count - 1],
    sum: [...s.curves.sum],
    delta: [...s.curves.delta],
  };
}

/**
 * A fast weight memory filling up: N random associations in d dimensions, each key read back,
 * and the mean error plotted against N for the sum and delta rules. Computed in core, at once.
 */
export function MemoryCapacity({ id, ...props }: MemoryCapacityProps) {
  const [store] = useState(() => createCapacityStore(props));
  return <MemoryCapacityView id={id} store={store} />;
}

export function MemoryCapacityView({ id, store }: { id: string; store: CapacityStore }) {
  return (
    <CapacityStoreProvider store={store}>
      <Layout id={id} />
    </CapacityStoreProvider>
  );
}

const show = (x: number) => x.toFixed(2);

function Layout({ id }: { id: string }) {
  const store = useCapacityStoreApi();
  const rootRef = usePublishedFigure(
    store,
    figureValue,
    (s, p) => s.curves !== p.curves || s.count !== p.count,
  );
  const count = useCapacity((s) => s.count);
  const dimension = useCapacity((s) => s.dimension);
  const sum = useCapacity((s) => s.curves.sum[s.count - 1]);
  const delta = useCapacity((s) => s.curves.delta[s.count - 1]);
  return (
    <div className="dw-widget dw-memory-capacity" id={id} ref={rootRef}>
      <CapacityControls />
      <CapacityChart />
      <p className="dw-cap-readout" data-readout="errors" role="status">
        With N = {count} associations in d = {dimension} dimensions, the mean error reading every key back is{" "}
        <strong>{show(sum)}</strong> for the sum rule and <strong>{show(delta)}</strong> for the delta rule (0
        is perfect recall, 1 is as bad as recalling nothing).
      </p>
    </div>
  );
}
