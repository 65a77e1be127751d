import { useState } from "react";
import type { KeyKind } from "../../core/memoryCapacity";
import { type CapacityState, type CapacityStore, createCapacityStore } from "../../state/capacityStore";
import { CapacityStoreProvider, useCapacity, useCapacityStoreApi } from "../../state/fastWeightsContext";
import type { Decoded } from "../../state/share/codec";
import {
  type MemoryCapacityShared,
  memoryCapacityCodec,
  memoryCapacityShared,
} from "../../state/share/memoryCapacityShare";
import { usePublishedFigure } from "../shared/publishFigure";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { CapacityChart } from "./CapacityChart";
import { CapacityControls } from "./CapacityControls";
import { type CapacityFigureValue, figureValue } from "./figureValue";
import "../shared/widget.css";
import "./memoryCapacity.css";

export interface MemoryCapacityProps {
  id: string;
  seed?: number;
  dimension?: number;
  count?: number;
  keyKind?: KeyKind;
}

/**
 * A fast weight memory filling up: N random associations in d dimensions, each key read back,
 * and the mean error plotted against N for the sum and delta rules. Computed in core, at once.
 */
export function MemoryCapacity({ id, ...props }: MemoryCapacityProps) {
  const start = useSharedStart(id, memoryCapacityCodec);
  const [store] = useState(() => createCapacityStore({ ...props, shared: start?.state }));
  return <MemoryCapacityView id={id} store={store} start={start} />;
}

export type { CapacityFigureValue };

const SPEC: ShareSpec<CapacityState, MemoryCapacityShared> = {
  codec: memoryCapacityCodec,
  toShared: memoryCapacityShared,
  title: "Capacity of a fast weight memory",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function MemoryCapacityView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: CapacityStore;
  /** What a link restored, if the widget started from one (its messages are shown). */
  start?: Decoded<MemoryCapacityShared> | null;
}) {
  return (
    <CapacityStoreProvider store={store}>
      <Layout id={id} start={start} />
    </CapacityStoreProvider>
  );
}

const show = (x: number) => x.toFixed(2);

function Layout({ id, start }: { id: string; start: Decoded<MemoryCapacityShared> | null }) {
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
      <WidgetShare id={id} spec={SPEC} store={store} rootRef={rootRef} start={start} />
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
