import type { WidgetCodec } from "../../../state/share/codec";

/** How one widget shares itself: its codec and how to read its shareable state from its store. */
export interface ShareSpec<T, S> {
  codec: WidgetCodec<S>;
  /** The shareable part of the store's state (what the link restores exactly). */
  toShared(state: T): S;
  /** The figure's title in citations and exported files ("Self-attention explorer"). */
  title: string;
}

export interface Subscribable<T> {
  getState(): T;
  subscribe(listener: (state: T, previous: T) => void): () => void;
}
