import { useState } from "react";
import {
  HopfieldMemoryStoreProvider,
  useHopfieldMemory,
  useHopfieldMemoryStoreApi,
} from "../../state/hopfieldMemoryContext";
import {
  createHopfieldMemoryStore,
  type HopfieldMemoryState,
  type HopfieldMemoryStore,
} from "../../state/hopfieldMemoryStore";
import type { Decoded } from "../../state/share/codec";
import {
  type HopfieldMemoryShared,
  hopfieldMemoryCodec,
  hopfieldMemoryShared,
} from "../../state/share/hopfieldMemoryShare";
import { useEngine } from "../shared/EngineContext";
import { newResult, usePublishedFigure } from "../shared/publishFigure";
import { StoreBadge } from "../shared/StoreBadge";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { EnergyChart } from "./EnergyChart";
import { figureValue, type HopfieldMemoryFigureValue } from "./figureValue";
import { MemoryControls } from "./MemoryControls";
import { QueryEditor } from "./QueryEditor";
import { RunControls } from "./RunControls";
import { StatePanel } from "./StatePanel";
import { StoredGlyphs } from "./StoredGlyphs";
import { useHopfieldCompute } from "./useHopfieldCompute";
import "../shared/widget.css";
import "./hopfieldMemory.css";

export interface HopfieldMemoryProps {
  /** Names this instance; unique on the page. */
  id: string;
  /** Glyphs to store (default A, C, H, L, T, X); unknown names are reported and ignored. */
  stored?: readonly string[];
  /** The stored glyph the query starts from (default H). */
  start?: string;
  /** Pixels flipped at first (0–24, default 8), chosen by `seed`. */
  corruption?: number;
  seed?: number;
  /** Inverse temperature, 0.01–20 (default 1/√49). */
  beta?: number;
}

/**
 * A modern Hopfield memory of small glyphs: the reader corrupts a query, picks β, and steps the
 * update ξ ← X softmax(β Xᵀξ), watching ξ, the weights over the stored glyphs, and the energy.
 */
export function HopfieldMemory({ id, ...props }: HopfieldMemoryProps) {
  const start = useSharedStart(id, hopfieldMemoryCodec);
  const [store] = useState(() => createHopfieldMemoryStore({ ...props, shared: start?.state }));
  return <HopfieldMemoryView id={id} store={store} start={start} />;
}

const SPEC: ShareSpec<HopfieldMemoryState, HopfieldMemoryShared> = {
  codec: hopfieldMemoryCodec,
  toShared: hopfieldMemoryShared,
  title: "A modern Hopfield memory of glyphs",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function HopfieldMemoryView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: HopfieldMemoryStore;
  /** What a link restored, if the widget started from one (its messages are shown). */
  start?: Decoded<HopfieldMemoryShared> | null;
}) {
  return (
    <HopfieldMemoryStoreProvider store={store}>
      <Layout id={id} start={start} />
    </HopfieldMemoryStoreProvider>
  );
}

export type { HopfieldMemoryFigureValue };

function Layout({ id, start }: { id: string; start: Decoded<HopfieldMemoryShared> | null }) {
  const engine = useEngine();
  useHopfieldCompute(engine);
  const store = useHopfieldMemoryStoreApi();
  const rootRef = usePublishedFigure(
    store,
    figureValue,
    (s, p) => newResult(s, p) || s.shownSteps !== p.shownSteps,
  );
  const computeError = useHopfieldMemory((s) => s.computeError);
  const notes = useHopfieldMemory((s) => s.notes);

  return (
    <div className="dw-widget dw-hopfield-memory" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SPEC} store={store} rootRef={rootRef} start={start} />
      <div className="dw-widget-top">
        <MemoryControls />
        <StoreBadge engine={engine} store={store} />
      </div>
      {notes.map((note) => (
        <p key={note} className="dw-message dw-message-warning" role="status">
          {note}
        </p>
      ))}
      {computeError ? (
        <p role="alert" className="dw-message dw-message-warning">
          The last update failed ({computeError}); the figure shows the previous result.
        </p>
      ) : null}
      <StoredGlyphs />
      <div className="dw-hop-main">
        <QueryEditor />
        <div className="dw-hop-steps">
          <RunControls />
          <StatePanel />
        </div>
      </div>
      <EnergyChart />
    </div>
  );
}
