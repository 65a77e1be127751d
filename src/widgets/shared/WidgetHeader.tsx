import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import type { Engine } from "../../engine";
import type { InlineMessage } from "../../state/tokenPoints";
import { StoreBadge } from "./StoreBadge";
import { TokenField } from "./TokenField";

/** What a widget's store needs for its header: the sentence, its message, and compute status. */
export interface HeaderState {
  text: string;
  message: InlineMessage | null;
  tokens: readonly string[];
  setText(text: string): void;
  computeMs: number | null;
  computeError: string | null;
}

/**
 * The top of every token widget: the reader's sentence, the backend badge, and, when the last
 * update failed, an inline message (the figure keeps showing the previous result).
 */
export function WidgetHeader<S extends HeaderState>({
  engine,
  store,
}: {
  engine: Engine;
  store: StoreApi<S>;
}) {
  const text = useStore(store, (s) => s.text);
  const message = useStore(store, (s) => s.message);
  const count = useStore(store, (s) => s.tokens.length);
  const setText = useStore(store, (s) => s.setText);
  const computeError = useStore(store, (s) => s.computeError);
  return (
    <>
      <div className="dw-widget-top">
        <TokenField text={text} message={message} count={count} onChange={setText} />
        <StoreBadge engine={engine} store={store} />
      </div>
      {computeError ? (
        <p role="alert" className="dw-message dw-message-warning">
          The last update failed ({computeError}); the figure shows the previous result.
        </p>
      ) : null}
    </>
  );
}
