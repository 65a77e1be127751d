import { linksFrom, type ShareHost } from "../state/share/shareHost";
import type { WidgetEntry } from "../widgets/registry";

/** The latest encoded state of one embedded widget, kept where the page and element can read it. */
export interface EmbedHost extends ShareHost {
  /** The state the reader sees now: the starting one until the widget reports a change. */
  current(): string;
}

/**
 * The ShareHost of one embedded widget (an embed page or a `<dw-*>` element): it hands the widget
 * its starting state (the codec's defaults when none is given) whatever instance id the mount chose, keeps the state the widget last
 * reported, and points links at the essay it was served from. Links name the essay's own
 * instance (`entry.instanceId`), not the embed's, so "open in the essay" restores the figure there.
 */
export function createEmbedHost(
  entry: WidgetEntry,
  encoded: string | undefined,
  essayUrl: string | URL,
  onChange: (encoded: string) => void = () => {},
): EmbedHost {
  const base = linksFrom(String(essayUrl), () => entry.section);
  // Without a state the figure starts from its codec's defaults, which are the essay's own: a
  // widget given only an id would start from its bare component defaults (an empty sentence).
  const start = encoded ?? entry.codec.encode(entry.codec.defaults());
  let latest = start;
  return {
    initialState: () => start,
    stateChanged(_id, _name, next) {
      latest = next;
      onChange(next);
    },
    links: {
      ...base,
      essay: (_id, name, state) => base.essay(entry.instanceId, name, state),
    },
    current: () => latest,
  };
}
