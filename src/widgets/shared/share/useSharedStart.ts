import { useState } from "react";
import type { Decoded, WidgetCodec } from "../../../state/share/codec";
import { useShareHost } from "../../../state/share/shareHost";

/**
 * The state a link asked instance `id` to start from, decoded once at mount (before the widget
 * creates its store), or null when the page gave none. Its messages say what the link held that
 * could not be restored.
 */
export function useSharedStart<S>(id: string, codec: WidgetCodec<S>): Decoded<S> | null {
  const host = useShareHost();
  const [start] = useState(() => {
    const encoded = host.initialState(id);
    return encoded === undefined ? null : codec.decode(encoded);
  });
  return start;
}
