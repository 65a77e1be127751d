import type { RefObject } from "react";
import type { Decoded } from "../../../state/share/codec";
import { ShareMenu } from "./ShareMenu";
import type { ShareSpec, Subscribable } from "./shareSpec";
import { useShareReport } from "./useShareReport";
import "./share.css";

export interface WidgetShareProps<T, S> {
  /** The widget instance's id (its element id and its name in links). */
  id: string;
  spec: ShareSpec<T, S>;
  store: Subscribable<T>;
  /** The widget's root element: its figures are exported from it and its `value` read. */
  rootRef: RefObject<HTMLElement | null>;
  /** What `useSharedStart` decoded from the link, if the widget started from one. */
  start: Decoded<S> | null;
}

/**
 * The sharing part of every widget: reports the reader's changes to the host (the essay's address),
 * says what a link held that could not be restored, and offers the share menu.
 */
export function WidgetShare<T, S>({ id, spec, store, rootRef, start }: WidgetShareProps<T, S>) {
  useShareReport(id, spec, store);
  const messages = start?.messages ?? [];
  return (
    <div className="dw-share-bar">
      {messages.length > 0 ? (
        <div role="status" className="dw-message dw-message-warning dw-share-restored">
          <p>This figure opened from a link; some of the link could not be used:</p>
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ShareMenu id={id} spec={spec} store={store} rootRef={rootRef} />
    </div>
  );
}
