import { useLayoutEffect, useRef, useState } from "react";
import { defineCodec } from "../state/share/codec";
import { numberField, textField } from "../state/share/fields";
import { useShareHost } from "../state/share/shareHost";
import type { WidgetEntry } from "../widgets/registry";
import { useSharedStart } from "../widgets/shared/share/useSharedStart";

/*
 * A stand-in widget for the embed's tests: it follows the widget contract (starts from
 * useSharedStart, reports to its share host, publishes `value` on its root and fires a bubbling
 * `input`) without tfjs, so mount and the elements can be tested in jsdom.
 */
export const fakeCodec = defineCodec<{ text: string; size: number }>({
  name: "fake",
  version: 1,
  fields: {
    text: textField({ fallback: "hello", maxLength: 50, doc: "the text" }),
    size: numberField({ fallback: 2, min: 1, max: 9, integer: true, doc: "the matrix size" }),
  },
});

export function FakeWidget({ id }: { id: string }) {
  const start = useSharedStart(id, fakeCodec);
  const host = useShareHost();
  const [state, setState] = useState(start?.state ?? { text: "props", size: 1 });
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current as HTMLDivElement;
    const matrix = Array.from({ length: state.size }, () => Array(state.size).fill(state.text.length));
    Object.defineProperty(root, "value", { configurable: true, get: () => ({ text: state.text, matrix }) });
    root.dispatchEvent(new Event("input", { bubbles: true }));
  }, [state]);
  const grow = () => {
    const next = { ...state, text: `${state.text}!` };
    setState(next);
    host.stateChanged(id, fakeCodec.name, fakeCodec.encode(next));
  };
  return (
    <div className="dw-widget" id={id} ref={ref}>
      {start?.messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      <p data-testid="text">{state.text}</p>
      <input aria-label="typing" />
      <button type="button" onClick={grow}>
        grow
      </button>
      <a href={host.links.essay(id, fakeCodec.name, fakeCodec.encode(state))}>essay link</a>
    </div>
  );
}

function Broken(): never {
  throw new Error("the <b>figure</b> broke");
}

/** Registry entries for the tests: a working fake, one that throws, and one that never loads. */
export const fakeEntries: WidgetEntry[] = [
  {
    name: "fake",
    title: "Fake figure",
    section: "fake-section",
    instanceId: "fake-figure",
    codec: fakeCodec,
    load: async () => FakeWidget,
  },
  {
    name: "broken",
    title: "Broken figure",
    section: "broken-section",
    instanceId: "broken-figure",
    codec: fakeCodec,
    load: async () => Broken,
  },
  {
    name: "slow",
    title: "Slow figure",
    section: "slow-section",
    instanceId: "slow-figure",
    codec: fakeCodec,
    load: () => new Promise(() => {}),
  },
];
