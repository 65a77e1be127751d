import { useEffect, useId, useState } from "react";
import { CostStoreProvider, useCost, useCostStoreApi } from "../../state/largeAttentionCostContext";
import {
  COST_D_CHOICES,
  type CostState,
  type CostStore,
  createCostStore,
} from "../../state/largeAttentionCostStore";
import {
  type AttentionCostShared,
  attentionCostCodec,
  attentionCostShared,
} from "../../state/share/attentionCostShare";
import type { Decoded } from "../../state/share/codec";
import { useEngine } from "../shared/EngineContext";
import { usePublishedFigure } from "../shared/publishFigure";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { backendLabel, CostChart } from "./CostChart";
import { MemoryTable, ResultsTable } from "./CostTables";
import { figureValue } from "./figureValue";
import { runCost } from "./runCost";
import "../shared/widget.css";
import "./attentionCost.css";

export interface AttentionCostProps {
  /** Names this instance; unique on the page. */
  id: string;
  /** d_model = d_k of the first run (8, 16, 32 or 64; default 64). */
  d?: number;
}

/**
 * The live benchmark: on the reader's click (never on load), time one head of attention for every
 * backend this browser can start and n = 16 … 4096, and plot ms per update against n on log–log
 * axes with O(n²·d) references, beside the memory the n × n matrices take.
 */
export function AttentionCost({ id, d }: AttentionCostProps) {
  const start = useSharedStart(id, attentionCostCodec);
  const [store] = useState(() => createCostStore({ d, shared: start?.state }));
  return <AttentionCostView id={id} store={store} start={start} />;
}

const SHARE_SPEC: ShareSpec<CostState, AttentionCostShared> = {
  codec: attentionCostCodec,
  toShared: attentionCostShared,
  title: "The cost of attention, measured on this device",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function AttentionCostView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: CostStore;
  /** What a link restored, if the store started from one (its messages are shown). */
  start?: Decoded<AttentionCostShared> | null;
}) {
  return (
    <CostStoreProvider store={store}>
      <Layout id={id} start={start} />
    </CostStoreProvider>
  );
}

const changed = (s: CostState, p: CostState) => s.version !== p.version;

function Layout({ id, start }: { id: string; start: Decoded<AttentionCostShared> | null }) {
  const store = useCostStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, changed);
  // A run still going when the figure goes away stops with it.
  useEffect(() => () => store.getState().stop(), [store]);
  return (
    <div className="dw-widget dw-cost" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SHARE_SPEC} store={store} rootRef={rootRef} start={start} />
      <CostControls />
      <Progress />
      <Notes />
      <CostChart />
      <div className="dw-cost-tables">
        <ResultsTable />
        <MemoryTable />
      </div>
    </div>
  );
}

function CostControls() {
  const engine = useEngine();
  const store = useCostStoreApi();
  const d = useCost((s) => s.d);
  const running = useCost((s) => s.running);
  const setD = useCost((s) => s.setD);
  const dId = useId();
  return (
    <div className="dw-cost-controls">
      <div className="dw-cost-field">
        <label htmlFor={dId}>Dimension d</label>
        <select id={dId} value={d} disabled={running} onChange={(event) => setD(Number(event.target.value))}>
          {COST_D_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={running} onClick={() => void runCost(engine, store)}>
        Measure on this device
      </button>
      <button type="button" disabled={!running} onClick={() => store.getState().stop()}>
        Stop
      </button>
    </div>
  );
}

/** A `<progress>` with its text: which backend and n are being timed, and how far the run is. */
function Progress() {
  const progress = useCost((s) => s.progress);
  const running = useCost((s) => s.running);
  const stopped = useCost((s) => s.stopped);
  const labelId = useId();
  if (!progress) {
    return (
      <p className="dw-message">
        Nothing is measured until you press the button; a run takes up to a minute.
      </p>
    );
  }
  const text =
    progress.total === 0
      ? "Starting the backends…"
      : running
        ? `${backendLabel(progress.backend)}, n = ${progress.n}: ${progress.done} of ${progress.total} sizes done`
        : `${stopped ? "Stopped" : "Done"}: ${progress.done} of ${progress.total} sizes`;
  return (
    <div className="dw-cost-progress">
      <progress
        aria-labelledby={labelId}
        max={Math.max(1, progress.total)}
        value={running && progress.total === 0 ? undefined : progress.done}
      />
      <span id={labelId} aria-live="polite">
        {text}
      </span>
    </div>
  );
}

/** Why a series ends early: a cap, an update over 2 s, or a failure. */
function Notes() {
  const plan = useCost((s) => s.plan);
  const slowAt = useCost((s) => s.slowAt);
  const failures = useCost((s) => s.failures);
  const notes = [
    ...plan
      .filter((p) => p.cappedAt !== null)
      .map((p) => `${backendLabel(p.backend)} takes at most n = ${p.limit}: larger sizes are not measured.`),
    ...Object.entries(slowAt).map(
      ([b, n]) => `${backendLabel(b)} stopped after n = ${n}: one update took more than 2 s.`,
    ),
    ...Object.entries(failures).map(([b, message]) => `${backendLabel(b)} failed: ${message}`),
  ];
  if (notes.length === 0) return null;
  return (
    <ul className="dw-cost-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
