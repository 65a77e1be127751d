import { useState } from "react";
import type { WidgetEntry } from "../widgets/registry";
import { EmbeddedWidget, UnknownWidget } from "./EmbeddedWidget";
import { createEmbedHost } from "./embedHost";
import type { EmbedParams } from "./embedParams";
import { embedInstanceId } from "./instanceId";

export interface EmbedPageViewProps {
  params: EmbedParams;
  /** The registry entry `params.widget` names, or undefined for a missing or unknown name. */
  entry: WidgetEntry | undefined;
  /** The essay this page belongs to (the folder embed.html is served from). */
  essayUrl: string;
}

/**
 * The whole embed page: the figure's title, a link to the same state in the essay, and the
 * widget, which shows its own restore messages. Anything the address gets wrong becomes a
 * message on the page, never a blank frame.
 */
export function EmbedPageView({ params, entry, essayUrl }: EmbedPageViewProps) {
  return (
    <main className="dw-embed">
      {params.themeMessage ? (
        <p role="status" className="dw-embed-message">
          {params.themeMessage}
        </p>
      ) : null}
      {entry ? (
        <EmbedFigure entry={entry} state={params.state} essayUrl={essayUrl} />
      ) : (
        <>
          <UnknownWidget name={params.widget} />
          <p className="dw-embed-message">
            <a href={essayUrl} target="_blank" rel="noopener">
              Open the essay ↗
            </a>
          </p>
        </>
      )}
    </main>
  );
}

function EmbedFigure({ entry, state, essayUrl }: { entry: WidgetEntry; state?: string; essayUrl: string }) {
  const [current, setCurrent] = useState(state);
  const [host] = useState(() => createEmbedHost(entry, state, essayUrl, setCurrent));
  const [id] = useState(() => embedInstanceId(entry.instanceId));
  const essayLink = host.links.essay(id, entry.name, current ?? host.current());
  return (
    <>
      <header className="dw-embed-header">
        <h1 className="dw-embed-title">{entry.title}</h1>
        <a className="dw-embed-open" href={essayLink} target="_blank" rel="noopener">
          Open in the essay ↗
        </a>
      </header>
      <EmbeddedWidget entry={entry} id={id} host={host} />
    </>
  );
}
