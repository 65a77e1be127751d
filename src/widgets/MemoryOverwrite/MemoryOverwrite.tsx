import { useId, useState } from "react";
import { row } from "../../core/matrix";
import { OverwriteStoreProvider, useOverwrite, useOverwriteStoreApi } from "../../state/fastWeightsContext";
import {
  createOverwriteStore,
  OVERWRITE_LIMIT,
  OVERWRITE_PRESETS,
  type OverwriteState,
  type OverwriteStore,
  type ValueName,
} from "../../state/overwriteStore";
import type { Decoded } from "../../state/share/codec";
import {
  type MemoryOverwriteShared,
  memoryOverwriteCodec,
  memoryOverwriteShared,
} from "../../state/share/memoryOverwriteShare";
import { PresetSelect } from "../shared/PresetSelect";
import { usePublishedFigure } from "../shared/publishFigure";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { figureValue, type OverwriteFigureValue } from "./figureValue";
import { VectorInput } from "./VectorInput";
import "../shared/widget.css";
import "./memoryOverwrite.css";

const NAMES: readonly ValueName[] = ["a", "b", "c"];
const PRESET_NAMES = Object.keys(OVERWRITE_PRESETS);
const DESCRIPTIONS: Record<string, string> = {
  distinct: "Key e1 is written twice with different values.",
  undo: "The second write to e1 is the negative of the first: the sum rule cancels them out.",
  same: "The same value written twice: the sum rule doubles it, the delta rule has nothing to correct.",
};
const WRITES: readonly { key: string; value: ValueName }[] = [
  { key: "e1", value: "a" },
  { key: "e2", value: "b" },
  { key: "e1", value: "c" },
];

const vector = (xs: readonly number[]) =>
  `(${xs.map((x) => (Math.round(x * 1000) / 1000).toString().replace("-", "−")).join(", ")})`;

/**
 * Write e1 → a, e2 → b, then e1 → c, and read e1 after each write under both rules side by side:
 * the sum rule superposes (a + c), the delta rule overwrites (c, with β = 1).
 */
export function MemoryOverwrite({ id, preset, beta }: { id: string; preset?: string; beta?: number }) {
  const start = useSharedStart(id, memoryOverwriteCodec);
  const [store] = useState(() => createOverwriteStore({ preset, beta, shared: start?.state }));
  return <MemoryOverwriteView id={id} store={store} start={start} />;
}

export type { OverwriteFigureValue };

const SPEC: ShareSpec<OverwriteState, MemoryOverwriteShared> = {
  codec: memoryOverwriteCodec,
  toShared: memoryOverwriteShared,
  title: "Overwriting a fast weight memory",
};

/** The widget around a store the host holds (tests, an embed's `update`). */
export function MemoryOverwriteView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: OverwriteStore;
  /** What a link restored, if the widget started from one (its messages are shown). */
  start?: Decoded<MemoryOverwriteShared> | null;
}) {
  return (
    <OverwriteStoreProvider store={store}>
      <Layout id={id} start={start} />
    </OverwriteStoreProvider>
  );
}

function Layout({ id, start }: { id: string; start: Decoded<MemoryOverwriteShared> | null }) {
  const store = useOverwriteStoreApi();
  const rootRef = usePublishedFigure(store, figureValue, (s, p) => s.sum !== p.sum || s.delta !== p.delta);
  const values = useOverwrite((s) => s.values);
  const preset = useOverwrite((s) => s.preset);
  const beta = useOverwrite((s) => s.beta);
  const sum = useOverwrite((s) => s.sum);
  const delta = useOverwrite((s) => s.delta);
  const { setValue, applyPreset, setBeta } = store.getState();
  const betaId = useId();

  return (
    <div className="dw-widget dw-memory-overwrite" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SPEC} store={store} rootRef={rootRef} start={start} />
      <div className="dw-ow-controls">
        <PresetSelect
          label="Values"
          names={PRESET_NAMES}
          value={preset === "custom" ? "custom" : preset}
          presetOf={(name) => ({ label: OVERWRITE_PRESETS[name].label, description: DESCRIPTIONS[name] })}
          onChange={applyPreset}
        />
        <div className="dw-ow-vectors">
          {NAMES.map((name) => (
            <VectorInput
              key={name}
              name={name}
              value={values[name]}
              limit={OVERWRITE_LIMIT}
              onChange={(index, value) => setValue(name, index as 0 | 1, value)}
            />
          ))}
        </div>
        <div className="dw-slider">
          <label htmlFor={betaId}>Delta rule's β = {beta.toFixed(2)}</label>
          <input
            id={betaId}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={beta}
            onChange={(event) => setBeta(Number(event.target.value))}
          />
        </div>
      </div>
      <table className="dw-ow-table">
        <caption className="dw-panel-title">Reading e1 after each write</caption>
        <thead>
          <tr>
            <th scope="col">write</th>
            <th scope="col">sum rule: W e1</th>
            <th scope="col">delta rule: W e1</th>
          </tr>
        </thead>
        <tbody>
          {WRITES.map((write, t) => (
            <tr key={`${write.key}-${write.value}`} data-step={t}>
              <th scope="row">
                {t + 1}. {write.key} → {write.value} = {vector(values[write.value])}
              </th>
              <td data-rule="sum">{vector(row(sum.reads, t))}</td>
              <td data-rule="delta">{vector(row(delta.reads, t))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dw-ow-verdict" data-readout="verdict">
        Sum rule: e1 reads a + c = <strong>{vector(row(sum.reads, 2))}</strong>; both writes to e1 are still
        there, added together. Delta rule{beta === 1 ? "" : ` (β = ${beta.toFixed(2)})`}: e1 reads{" "}
        <strong>{vector(row(delta.reads, 2))}</strong>
        {beta === 1
          ? ", which is c: the third write first read a at e1, then replaced it."
          : ": only part of the old value was replaced; at β = 1 it would be c."}{" "}
        The third write leaves e2 untouched under both rules, since e2 is orthogonal to e1.
      </p>
    </div>
  );
}
